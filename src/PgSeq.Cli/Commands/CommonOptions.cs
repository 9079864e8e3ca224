using System.CommandLine;
using System.CommandLine.Parsing;

namespace PgSeq.Cli.Commands;

/// <summary>The argument and options check and fix share.</summary>
internal sealed class CommonOptions
{
    public Argument<string?> Connection { get; } = new("CONNECTION")
    {
        Description = "postgresql:// URI, libpq 'host=... dbname=...' string, Npgsql connection string, or database name. " +
                      "Default: DATABASE_URL, then the libpq environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, ~/.pgpass, PGSSLMODE).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string[]> Schema { get; } = Patterns("--schema", "-n", "Only tables in schemas matching PATTERN (psql-style: * ? \"Quoted\"); repeatable.");

    public Option<string[]> ExcludeSchema { get; } = Patterns("--exclude-schema", "-N", "Leave out tables in schemas matching PATTERN; repeatable.");

    public Option<string[]> Table { get; } = Patterns("--table", "-t", "Only tables matching PATTERN, e.g. public.loan* (no dot: any schema); repeatable.");

    public Option<string[]> ExcludeTable { get; } = Patterns("--exclude-table", "-T", "Leave out tables matching PATTERN; repeatable.");

    public Option<TimeSpan?> LockTimeout { get; } = Duration("--lock-timeout",
        "Longest wait for any lock (default 2s; e.g. 500ms); a sequence whose locks are not granted in time is 'busy' and left unchanged.");

    public Option<TimeSpan?> StatementTimeout { get; } = Duration("--statement-timeout",
        "Longest any query may run (default 5min; 0 for none); a sequence whose MAX() takes longer is an 'error'.");

    public Option<bool> Json { get; } = new("--json") { Description = "Print the report as a JSON document (documented in the README)." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Print every sequence's reason and, on failure, the stack trace." };

    public CommonOptions()
    {
        // An unknown option would otherwise be taken for the CONNECTION argument.
        Connection.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && value.StartsWith('-'))
            {
                result.AddError($"Unrecognized option '{value}'");
            }
        });
    }

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

    private static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = Parse,
    };

    private static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DurationParser.TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"{(result.Parent as OptionResult)?.Option.Name} expects a duration such as 500ms, 2s or 5min, got '{text}'");
        return null;
    }
}
