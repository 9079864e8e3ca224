using System.CommandLine;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;

namespace PgSeq.Cli.Commands;

/// <summary>The argument and options check and fix share.</summary>
internal sealed class CommonOptions
{
    private readonly Texts _texts;

    public CommonOptions(Texts texts)
    {
        _texts = texts;
        Connection = new("CONNECTION") { Description = texts["Help_Connection"], Arity = ArgumentArity.ZeroOrMore };

        // An unknown option would otherwise be taken for a CONNECTION argument.
        Connection.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-')) is { } unknown)
            {
                result.AddError(texts["UnrecognizedOption", unknown.Value]);
            }
        });
        Targets = OptionKinds.FileName("--targets", texts["Help_Targets"], texts);
        AllDatabases = new("--all-databases") { Description = texts["Help_AllDatabases"] };
        Jobs = OptionKinds.WholeNumber<int>("--jobs", texts["Help_Jobs"], texts, n => n is < 1 or > 64 ? texts["JobsRange"] : null, "-j");
        Jobs.DefaultValueFactory = _ => 4;
        Format = new("--format") { Description = texts["Help_Format"], HelpName = "table|json|prometheus|nagios" };
        Format.AcceptOnlyFromAmong("table", "json", "prometheus", "nagios");
        Quiet = new("--quiet", "-q") { Description = texts["Help_Quiet"] };
        From = new("--from") { Description = texts["Help_From"], HelpName = "SOURCE" };
        Log = OptionKinds.FileName("--log", texts["Help_Log"], texts);
        Schema = OptionKinds.Patterns("--schema", "-n", texts["Help_Schema"]);
        ExcludeSchema = OptionKinds.Patterns("--exclude-schema", "-N", texts["Help_ExcludeSchema"]);
        Table = OptionKinds.Patterns("--table", "-t", texts["Help_Table"]);
        ExcludeTable = OptionKinds.Patterns("--exclude-table", "-T", texts["Help_ExcludeTable"]);
        LockTimeout = OptionKinds.Duration("--lock-timeout", texts["Help_LockTimeout"], texts, d => ServerTimeout("--lock-timeout", d));
        StatementTimeout = OptionKinds.Duration(
            "--statement-timeout", texts["Help_StatementTimeout"], texts, d => ServerTimeout("--statement-timeout", d));
        Link = new("--link")
        {
            Description = texts["Help_Link"],
            HelpName = "SEQUENCE=COLUMN",
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result => [.. result.Tokens.Select(token =>
            {
                if (LinkText.Parse(token.Value) is { } link)
                {
                    return link;
                }

                result.AddError(texts["LinkExpected", token.Value]);
                return new ExplicitLink(string.Empty, string.Empty);
            })],
        };
        Links = OptionKinds.FileName("--links", texts["Help_Links"], texts);
        StrictNames = new("--strict-names") { Description = texts["Help_StrictNames"] };
        InferLinks = new("--infer-links") { Description = texts["Help_InferLinks"] };
        NoInferLinks = new("--no-infer-links") { Description = texts["Help_NoInferLinks"] };
        Warn = OptionKinds.Percent("--warn", texts["Help_Warn"], texts);
        Critical = OptionKinds.Percent("--critical", texts["Help_Critical"], texts);
        Json = new("--json") { Description = texts["Help_Json"] };
        Margin = OptionKinds.WholeNumber<long>("--margin", texts["Help_Margin"], texts, n => n < 0 ? texts["MarginNegative"] : null);
        Verbose = new("--verbose", "-v") { Description = texts["Help_Verbose"] };
        Series = new("--series") { Description = texts["Help_Series"], HelpName = "problems|all" };
        Series.AcceptOnlyFromAmong("problems", "all");
        Top = OptionKinds.WholeNumber<int>("--top", texts["Help_Top"], texts, n => n < 0 ? texts["TopNegative"] : null);
        Top.DefaultValueFactory = _ => SeriesSelection.Default.Top;
    }

    public Argument<string[]> Connection { get; }

    public Option<string?> Targets { get; }

    public Option<bool> AllDatabases { get; }

    public Option<int> Jobs { get; }

    public Option<string?> Format { get; }

    public Option<bool> Quiet { get; }

    public Option<string?> From { get; }

    public Option<string?> Log { get; }

    public Option<string[]> Schema { get; }

    public Option<string[]> ExcludeSchema { get; }

    public Option<string[]> Table { get; }

    public Option<string[]> ExcludeTable { get; }

    public Option<TimeSpan?> LockTimeout { get; }

    public Option<TimeSpan?> StatementTimeout { get; }

    public Option<ExplicitLink[]> Link { get; }

    public Option<string?> Links { get; }

    /// <summary>check, fix and serve: a schema or table pattern that matches nothing fails the target.</summary>
    public Option<bool> StrictNames { get; }

    public Option<bool> InferLinks { get; }

    public Option<bool> NoInferLinks { get; }

    public Option<double?> Warn { get; }

    public Option<double?> Critical { get; }

    public Option<bool> Json { get; }

    /// <summary>fix and repair-block: extra values of headroom.</summary>
    public Option<long> Margin { get; }

    public Option<bool> Verbose { get; }

    /// <summary>Which sequences get series of their own: problems (the default) or all.</summary>
    public Option<string?> Series { get; }

    /// <summary>How many of the fullest sequences get series besides the problems.</summary>
    public Option<int> Top { get; }

    public void AddTo(Command command)
    {
        command.Add(Connection);
        AddScopeTo(command);
        Option[] options =
        [
            StrictNames, LockTimeout, StatementTimeout, Warn, Critical, Targets, AllDatabases, Jobs, From, Format, Json, Series, Top, Quiet, Log,
            Verbose,
        ];
        foreach (var option in options)
        {
            command.Add(option);
        }

        AddThresholdCheckTo(command);
        command.Validators.Add(result =>
        {
            if (result.ParsedValue(Json) && result.ParsedValue(Format) is { } format && format != "json")
            {
                result.AddError(_texts["JsonWithFormat", format]);
            }

            var seriesGiven = result.GetResult(Series) is { Implicit: false } || result.GetResult(Top) is { Implicit: false };
            if (seriesGiven && result.ParsedValue(Format) != "prometheus")
            {
                result.AddError(_texts["SeriesWithoutPrometheus"]);
            }
        });
    }

    /// <summary>Refuses a --warn above --critical.</summary>
    public void AddThresholdCheckTo(Command command) =>
        command.Validators.Add(result =>
        {
            var defaults = new CheckOptions();
            if ((result.ParsedValue(Warn) ?? defaults.CapacityWarning) > (result.ParsedValue(Critical) ?? defaults.CapacityCritical))
            {
                result.AddError(_texts["WarnAboveCritical"]);
            }
        });

    /// <summary>Adds what selects the sequences: schema and table patterns, and links.</summary>
    public void AddScopeTo(Command command)
    {
        foreach (Option option in (Option[])[Schema, ExcludeSchema, Table, ExcludeTable, Link, Links, InferLinks, NoInferLinks])
        {
            command.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.ParsedValue(InferLinks) && result.ParsedValue(NoInferLinks))
            {
                result.AddError(_texts["InferLinksBoth"]);
            }
        });
    }

    /// <summary>Which databases to work on.</summary>
    public TargetSelection TargetsOf(ParseResult result) =>
        new(result.GetValue(Connection) ?? [], result.GetValue(Targets), result.GetValue(AllDatabases));

    /// <summary>How check and fix report; <paramref name="sql"/> is fix's --sql, a format of its own.</summary>
    public ReportOutput OutputOf(ParseResult result, bool sql = false) => new(
        sql ? OutputFormat.Sql : result.GetValue(Json) ? OutputFormat.Json : result.GetValue(Format) switch
        {
            "json" => OutputFormat.Json,
            "prometheus" => OutputFormat.Prometheus,
            "nagios" => OutputFormat.Nagios,
            _ => OutputFormat.Table,
        },
        result.GetValue(Quiet),
        result.GetValue(Verbose),
        result.GetValue(Log),
        SeriesOf(result));

    /// <summary>--format prometheus and serve: which sequences get series of their own.</summary>
    public SeriesSelection SeriesOf(ParseResult result) => new(result.GetValue(Series) == "all", result.GetValue(Top));

    /// <summary>The scope and timeouts, as check takes them and fix extends them; --jobs is both the connections per
    /// database and the targets worked on at once.</summary>
    public CheckOptions Scope(ParseResult result)
    {
        var defaults = new CheckOptions();
        return new CheckOptions
        {
            Schemas = result.GetValue(Schema) ?? [],
            ExcludeSchemas = result.GetValue(ExcludeSchema) ?? [],
            Tables = result.GetValue(Table) ?? [],
            ExcludeTables = result.GetValue(ExcludeTable) ?? [],
            Links = result.GetValue(Link) ?? [],
            InferLinks = !result.GetValue(NoInferLinks),

            // repair-block connects to nothing and has no --strict-names.
            StrictNames = result.GetResult(StrictNames) is { } strict && strict.GetValueOrDefault<bool>(),
            LockTimeout = result.GetValue(LockTimeout) ?? defaults.LockTimeout,
            StatementTimeout = result.GetValue(StatementTimeout) ?? defaults.StatementTimeout,
            CapacityWarning = result.GetValue(Warn) ?? defaults.CapacityWarning,
            CapacityCritical = result.GetValue(Critical) ?? defaults.CapacityCritical,
            Jobs = result.GetValue(Jobs),
        };
    }

    // PostgreSQL keeps lock_timeout and statement_timeout in milliseconds as a 32-bit integer.
    private string? ServerTimeout(string name, TimeSpan duration) =>
        duration.TotalMilliseconds > int.MaxValue
            ? _texts["TimeoutTooLong", name, DurationParser.Format(TimeSpan.FromMilliseconds(int.MaxValue))]
            : null;
}
