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
        Targets = new("--targets") { Description = texts["Help_Targets"], HelpName = "FILE" };
        AllDatabases = new("--all-databases") { Description = texts["Help_AllDatabases"] };
        Jobs = new("--jobs", "-j") { Description = texts["Help_Jobs"], HelpName = "N", DefaultValueFactory = _ => 4 };
        Jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError(texts["JobsRange"]);
            }
        });
        Format = new("--format") { Description = texts["Help_Format"], HelpName = "table|json|prometheus|nagios" };
        Format.AcceptOnlyFromAmong("table", "json", "prometheus", "nagios");
        Quiet = new("--quiet", "-q") { Description = texts["Help_Quiet"] };
        From = new("--from") { Description = texts["Help_From"], HelpName = "SOURCE" };
        Log = new("--log") { Description = texts["Help_Log"], HelpName = "FILE" };
        Schema = Patterns("--schema", "-n", texts["Help_Schema"]);
        ExcludeSchema = Patterns("--exclude-schema", "-N", texts["Help_ExcludeSchema"]);
        Table = Patterns("--table", "-t", texts["Help_Table"]);
        ExcludeTable = Patterns("--exclude-table", "-T", texts["Help_ExcludeTable"]);
        LockTimeout = Duration("--lock-timeout", texts["Help_LockTimeout"], texts);
        StatementTimeout = Duration("--statement-timeout", texts["Help_StatementTimeout"], texts);
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
        Links = new("--links") { Description = texts["Help_Links"], HelpName = "FILE" };
        InferLinks = new("--infer-links") { Description = texts["Help_InferLinks"] };
        NoInferLinks = new("--no-infer-links") { Description = texts["Help_NoInferLinks"] };
        Warn = Percent("--warn", texts["Help_Warn"], texts);
        Critical = Percent("--critical", texts["Help_Critical"], texts);
        Json = new("--json") { Description = texts["Help_Json"] };
        Margin = new("--margin") { Description = texts["Help_Margin"], HelpName = "N" };
        Margin.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 0)
            {
                result.AddError(texts["MarginNegative"]);
            }
        });
        Verbose = new("--verbose", "-v") { Description = texts["Help_Verbose"] };
        Series = new("--series") { Description = texts["Help_Series"], HelpName = "problems|all" };
        Series.AcceptOnlyFromAmong("problems", "all");
        Top = new("--top") { Description = texts["Help_Top"], HelpName = "N", DefaultValueFactory = _ => SeriesSelection.Default.Top };
        Top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError(texts["TopNegative"]);
            }
        });
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
            LockTimeout, StatementTimeout, Warn, Critical, Targets, AllDatabases, Jobs, From, Format, Json, Series, Top, Quiet, Log, Verbose,
        ];
        foreach (var option in options)
        {
            command.Add(option);
        }

        AddThresholdCheckTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Json) && result.GetValue(Format) is { } format && format != "json")
            {
                result.AddError(_texts["JsonWithFormat", format]);
            }

            var seriesGiven = result.GetResult(Series) is { Implicit: false } || result.GetResult(Top) is { Implicit: false };
            if (seriesGiven && result.GetValue(Format) != "prometheus")
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
            if ((result.GetValue(Warn) ?? defaults.CapacityWarning) > (result.GetValue(Critical) ?? defaults.CapacityCritical))
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
            if (result.GetValue(InferLinks) && result.GetValue(NoInferLinks))
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
            LockTimeout = result.GetValue(LockTimeout) ?? defaults.LockTimeout,
            StatementTimeout = result.GetValue(StatementTimeout) ?? defaults.StatementTimeout,
            CapacityWarning = result.GetValue(Warn) ?? defaults.CapacityWarning,
            CapacityCritical = result.GetValue(Critical) ?? defaults.CapacityCritical,
            Jobs = result.GetValue(Jobs),
        };
    }

    private static Option<string[]> Patterns(string name, string alias, string description) => new(name, alias)
    {
        Description = description,
        HelpName = "PATTERN",
        AllowMultipleArgumentsPerToken = false,
    };

    // Thresholds are written in percent and kept as ratios.
    private static Option<double?> Percent(string name, string description, Texts texts) => new(name)
    {
        Description = description,
        HelpName = "PERCENT",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (double.TryParse(
                text.TrimEnd('%'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var percent)
                && percent is >= 0 and <= 100)
            {
                return percent / 100;
            }

            result.AddError(texts["PercentExpected", name, text]);
            return null;
        },
    };

    /// <summary>An option that takes a duration as <see cref="DurationParser"/> reads it.</summary>
    public static Option<TimeSpan?> Duration(string name, string description, Texts texts) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (DurationParser.TryParse(text, out var duration))
            {
                return duration;
            }

            result.AddError(texts["DurationExpected", name, text]);
            return null;
        },
    };
}
