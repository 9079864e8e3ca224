using System.Runtime.InteropServices;
using PgSeq.Cli;

using var interrupt = new Interrupt();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    interrupt.Trigger(ExitCodes.Interrupted);
});
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupt.Trigger(ExitCodes.Terminated);
});

return await PgSeqApp.RunAsync(args, CliConsole.FromProcess(), Environment.GetEnvironmentVariable, interrupt);
