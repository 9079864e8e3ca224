using Mikrokredit.Data;
using PgSeq;
using PgSeq.EntityFrameworkCore;

namespace Mikrokredit.Hosting;

/// <summary>
/// The opt-in repair before the app serves its first request (<c>Pgseq:RepairOnStartup=true</c>): after a restore
/// or an import that left the sequences behind, the app starts with inserts that work instead of failing.
/// </summary>
internal static partial class StartupRepair
{
    /// <summary>The configuration key of the flag; off unless set to true.</summary>
    public const string Setting = "Pgseq:RepairOnStartup";

    /// <summary>Repairs the sequences of the app's tables and logs what moved.</summary>
    public static async Task RunAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MikrokreditContext>();
        var report = await db.Database.FixSequencesAsync(cancellationToken: cancellationToken);
        foreach (var sequence in report.Sequences)
        {
            if (sequence.Repair is { Applied: true } repair)
            {
                LogRepaired(logger, sequence.Sequence.Name, repair.PreviousNextValue, repair.NextValue);
            }
            else if (sequence.Attention != Attention.None || !sequence.Complete)
            {
                LogNotRepaired(logger, sequence.Sequence.Name, sequence.Status, sequence.Reason.ToString());
            }
        }

        LogFinished(logger, report.Summary.Sequences, report.Summary.Repaired);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Startup repair: {Sequence} moved, next value {Previous} → {Next}")]
    private static partial void LogRepaired(ILogger logger, string sequence, long? previous, long? next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Startup repair: {Sequence} is {Status}: {Reason}")]
    private static partial void LogNotRepaired(ILogger logger, string sequence, SequenceStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Startup repair: {Sequences} sequence(s) checked, {Repaired} repaired")]
    private static partial void LogFinished(ILogger logger, int sequences, int repaired);
}
