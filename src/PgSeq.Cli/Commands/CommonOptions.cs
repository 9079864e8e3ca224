using System.CommandLine;
using PgSeq.Cli.Localization;

namespace PgSeq.Cli.Commands;

/// <summary>The argument and options check and fix share.</summary>
internal sealed class CommonOptions
{
    public CommonOptions(Texts texts)
    {
        Connection = new("CONNECTION") { Description = texts["Help_Connection"], Arity = ArgumentArity.ZeroOrOne };

        // An unknown option would otherwise be taken for the CONNECTION argument.
        Connection.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && value.StartsWith('-'))
            {
                result.AddError(texts["UnrecognizedOption", value]);
            }
        });
        Schema = Patterns("--schema", "-n", texts["Help_Schema"]);
        ExcludeSchema = Patterns("--exclude-schema", "-N", texts["Help_ExcludeSchema"]);
        Table = Patterns("--table", "-t", texts["Help_Table"]);
        ExcludeTable = Patterns("--exclude-table", "-T", texts["Help_ExcludeTable"]);
        LockTimeout = Duration("--lock-timeout", texts["Help_LockTimeout"], texts);
        StatementTimeout = Duration("--statement-timeout", texts["Help_StatementTimeout"], texts);
        Json = new("--json") { Description = texts["Help_Json"] };
        Verbose = new("--verbose", "-v") { Description = texts["Help_Verbose"] };
    }

    public Argument<string?> Connection { get; }

    public Option<string[]> Schema { get; }

    public Option<string[]> ExcludeSchema { get; }

    public Option<string[]> Table { get; }

    public Option<string[]> ExcludeTable { get; }

    public Option<TimeSpan?> LockTimeout { get; }

    public Option<TimeSpan?> StatementTimeout { get; }

    public Option<bool> Json { get; }

    public Option<bool> Verbose { get; }

    public void AddTo(Command command)
    {
        command.Add(Connection);
        foreach (Option option in (Option[])[Schema, ExcludeSchema, Table, ExcludeTable, LockTimeout, StatementTimeout, Json, Verbose])
        {
            command.Add(option);
        }
    }

    /// <summary>The scope and timeouts, as check takes them and fix extends them.</summary>
    public CheckOptions Scope(ParseResult result)
    {
        var defaults = new CheckOptions();
        return new CheckOptions
        {
            Schemas = result.GetValue(Schema) ?? [],
            ExcludeSchemas = result.GetValue(ExcludeSchema) ?? [],
            Tables = result.GetValue(Table) ?? [],
            ExcludeTables = result.GetValue(ExcludeTable) ?? [],
            LockTimeout = result.GetValue(LockTimeout) ?? defaults.LockTimeout,
            StatementTimeout = result.GetValue(StatementTimeout) ?? defaults.StatementTimeout,
        };
    }

    private static Option<string[]> Patterns(string name, string alias, string description) => new(name, alias)
    {
        Description = description,
        HelpName = "PATTERN",
        AllowMultipleArgumentsPerToken = false,
    };

    private static Option<TimeSpan?> Duration(string name, string description, Texts texts) => new(name)
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
