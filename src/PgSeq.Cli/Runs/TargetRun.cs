using Npgsql;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Sinks;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Runs;

/// <summary>
/// Runs check or fix on one target: opens its report and hands its sequences to the target's outputs as they pass. A
/// run that stops part-way (failed or interrupted) still ends its outputs, with the totals of what was read.
/// </summary>
/// <param name="open">Opens the target's report (check or fix, with the run's options).</param>
/// <param name="exitCodeOf">The exit code of a report that got to its end.</param>
/// <param name="interrupt">Ctrl-C and SIGTERM.</param>
/// <param name="texts">The language of the error lines.</param>
internal sealed class TargetRun(
    Func<NpgsqlDataSource, CancellationToken, Task<DriftReportReader>> open, Func<ReportOutline, int> exitCodeOf, Interrupt interrupt, Texts texts)
{
    /// <summary>Runs <paramref name="target"/>, the run's <paramref name="index"/>th, once one of <paramref name="slots"/> is free.</summary>
    public async Task<TargetResult> RunAsync(int index, Target target, ITargetSink sink, SemaphoreSlim slots)
    {
        if (target.Failure is not null)
        {
            return Failed(index, target, null, target.Failure);
        }

        await slots.WaitAsync(CancellationToken.None);
        try
        {
            await using var dataSource = TargetList.Open(target.Connection!);
            DriftReportReader reader;
            try
            {
                reader = await open(dataSource, interrupt.Token);
            }
            catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
            {
                return new TargetResult(index, target.Label, target.Connection, null, null, interrupt.ExitCode, true, DateTimeOffset.UtcNow);
            }

            await using (reader)
            {
                return await ReadAsync(index, target, reader, sink);
            }
        }
        catch (Exception error) when (IsRunFailure(error))
        {
            return Failed(index, target, null, error);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Whether <paramref name="error"/> ends one target's run (the others go on), rather than being a bug.</summary>
    public static bool IsRunFailure(Exception error) => error is NpgsqlException or PgSeqException or InvalidOperationException;

    private async Task<TargetResult> ReadAsync(int index, Target target, DriftReportReader reader, ITargetSink sink)
    {
        sink.Begin(reader);
        var planned = 0;
        Exception? failure = null;
        try
        {
            await foreach (var sequence in reader.ReadAllAsync(interrupt.Token))
            {
                sink.Add(sequence);
                planned += sequence.Repair is { Applied: false } ? 1 : 0;
            }
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            // What was done is in the outputs; the outline below counts it.
        }
        catch (Exception error) when (IsRunFailure(error))
        {
            failure = error;
        }

        var ending = failure is not null ? RunEnding.Failed : reader.Interrupted ? RunEnding.Interrupted : RunEnding.Completed;
        var outline = ReportOutline.Of(reader, planned, ending);
        if (failure is not null)
        {
            var failed = Failed(index, target, outline, failure);
            sink.End(outline, interrupted: false, failed.Error);
            return failed;
        }

        sink.End(outline, reader.Interrupted, null);
        var exitCode = reader.Interrupted ? interrupt.ExitCode : exitCodeOf(outline);
        return new TargetResult(index, target.Label, target.Connection, outline, null, exitCode, reader.Interrupted, DateTimeOffset.UtcNow);
    }

    private TargetResult Failed(int index, Target target, ReportOutline? outline, Exception error) =>
        new(
            index,
            target.Label,
            target.Connection,
            outline,
            ErrorMessages.Describe(error, target.Connection, texts),
            ExitCodes.Incomplete,
            false,
            DateTimeOffset.UtcNow,
            error);
}
