using PgSeq.Cli.Commands;
using PgSeq.Cli.Output;

namespace PgSeq.Cli.Targets;

/// <summary>
/// What a target's run feeds each sequence to as it passes: only the outputs the format and --log ask for, each keeping
/// only what it prints, so that a run over 100,000 sequences never holds its report. One target's --json and
/// --sql go straight to stdout; with several targets, their documents and scripts are printed in the order given, so
/// those are kept until then.
/// </summary>
internal sealed class TargetOutputs
{
    private readonly TextWriter? _json;
    private readonly TextWriter? _sql;

    private TargetOutputs(RunSettings settings, bool single, TextWriter stdout, RunLogTarget? log)
    {
        Log = log;
        switch (settings.Format)
        {
            case OutputFormat.Table when settings.Sql:
                _sql = single ? stdout : SqlBuffer = new StringWriter();
                break;
            case OutputFormat.Table:
                Table = new TableRows(settings.Verbose, settings.Quiet);
                break;
            case OutputFormat.Json when single:
                _json = stdout;
                break;
            case OutputFormat.Json:
                Collected = [];
                break;
            case OutputFormat.Nagios:
                Nagios = new NagiosFindings();
                break;
            case OutputFormat.Prometheus:
                Series = new ReportSeriesBuilder(settings.Series, repairs: true);
                break;
        }
    }

    /// <summary>The table's rows.</summary>
    public TableRows? Table { get; }

    /// <summary>Several targets' --sql: the script, printed when this target's turn comes.</summary>
    public StringWriter? SqlBuffer { get; }

    /// <summary>Several targets' --json: every sequence, for the document printed once all are done.</summary>
    public List<SequenceReport>? Collected { get; }

    /// <summary>--format nagios: the findings the line names.</summary>
    public NagiosFindings? Nagios { get; }

    /// <summary>--format prometheus: the series to export.</summary>
    public ReportSeriesBuilder? Series { get; }

    /// <summary>--log: this target's lines.</summary>
    public RunLogTarget? Log { get; }

    /// <summary>One target's --json, once the run has started.</summary>
    public JsonReport? Json { get; private set; }

    /// <summary>--sql, once the run has started.</summary>
    public SqlScript? Sql { get; private set; }

    /// <summary>A dry run: the repairs it would make.</summary>
    public int Planned { get; private set; }

    public static TargetOutputs For(RunSettings settings, bool single, TextWriter stdout, RunLog? log, string target, RunMode mode) =>
        new(settings, single, stdout, log?.For(target, mode));

    /// <summary>The run has started: the outputs that print as they go write their beginning.</summary>
    public void Begin(DriftReportReader reader, RunMode mode)
    {
        if (_json is not null)
        {
            Json = JsonReport.Open(_json);
            Json.Begin(reader.Database, reader.ServerVersion, reader.OnStandby, mode);
        }

        if (_sql is not null)
        {
            Sql = new SqlScript(_sql);
        }
    }

    public void Add(SequenceReport sequence)
    {
        Table?.Add(sequence);
        Sql?.Add(sequence);
        Json?.Add(sequence);
        Collected?.Add(sequence);
        Nagios?.Add(sequence);
        Series?.Add(sequence);
        Log?.Add(sequence);
        if (sequence.Repair is { Applied: false })
        {
            Planned++;
        }
    }

    /// <summary>The run has ended, however: the outputs that print as they go write their end.</summary>
    public void End(ReportOutline report, bool interrupted, string? error)
    {
        Sql?.End();
        if (Json is not null)
        {
            Json.End(report, interrupted, error);
            Json.Dispose();
            _json!.WriteLine();
        }
    }
}
