using PgSeq.Cli.Targets;

namespace PgSeq.Cli;

/// <summary>pgseq's exit codes: a public contract, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>check: nothing wrong. fix: everything repaired, or nothing to do.</summary>
    public const int Ok = 0;

    /// <summary>The run could not complete: bad arguments, no connection, or a sequence in error or busy (or left in drift by fix).</summary>
    public const int Incomplete = 1;

    /// <summary>check found drift.</summary>
    public const int Drift = 2;

    /// <summary>Interrupted by SIGINT (Ctrl-C).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM.</summary>
    public const int Terminated = 143;

    /// <summary>The exit code for a finished check: a critical finding (drift, critical capacity, sequences missing after
    /// a migration) is 2, a warning only when asked to.</summary>
    public static int ForCheck(ReportOutline report, bool failOnWarning) =>
        !report.Complete ? Incomplete
        : report.Attention >= (failOnWarning ? Attention.Warning : Attention.Critical) ? Drift
        : Ok;

    /// <summary>The exit code for a finished fix (or its dry run): anything left in error, busy or drift means it did not complete.</summary>
    public static int ForFix(ReportOutline report, bool dryRun) =>
        !report.Complete || (!dryRun && report.Summary.Drift > 0) ? Incomplete : Ok;

    /// <summary>The exit code of a run over several targets: an interruption outranks a failure, which outranks a finding.</summary>
    public static int Worst(IEnumerable<int> exitCodes) =>
        exitCodes.OrderByDescending(code => code switch
        {
            Interrupted or Terminated => 3,
            Incomplete => 2,
            Drift => 1,
            _ => 0,
        }).First();
}
