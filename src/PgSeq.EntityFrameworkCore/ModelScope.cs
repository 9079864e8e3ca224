using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PgSeq.EntityFrameworkCore;

/// <summary>
/// What an EF Core model tells pgseq: the tables it maps (as table patterns that match exactly those tables), and the
/// columns whose values come from a model sequence, which the catalog may not show (HiLo keys have no default).
/// </summary>
internal static partial class ModelScope
{
    /// <summary>
    /// <paramref name="options"/> limited to the model's tables, unless the caller already chose tables, with the
    /// model's sequence links added. A sequence that also feeds tables outside the model still clears their data:
    /// scope selects sequences, not columns.
    /// </summary>
    public static T Apply<T>(IModel model, T options)
        where T : CheckOptions =>
        options with
        {
            Tables = options.Tables.Count > 0 ? options.Tables : Tables(model),
            Links = [.. options.Links, .. Links(model).Where(l => !options.Links.Any(o => o.Column == l.Column))],
        };

    private static string[] Tables(IModel model) =>
    [
        .. model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .Select(e => (Schema: e.GetSchema() ?? model.GetDefaultSchema(), Table: e.GetTableName()!))
            .Distinct()
            .Select(t => t.Schema is null ? Quote(t.Table) : $"{Quote(t.Schema)}.{Quote(t.Table)}"),
    ];

    // HiLo (its values come from the sequence upwards, a block per call), UseSequence and HasSequence with a
    // nextval() default: each column is linked to its sequence, as the application uses it.
    private static IEnumerable<ExplicitLink> Links(IModel model) =>
        model.GetEntityTypes()
            .Select(e => (Entity: e, Table: StoreObjectIdentifier.Create(e, StoreObjectType.Table)))
            .Where(e => e.Table is not null)
            .SelectMany(e => e.Entity.GetProperties().Select(p => Link(model, p, e.Table!.Value)))
            .OfType<ExplicitLink>()
            .Distinct();

    private static ExplicitLink? Link(IModel model, IProperty property, StoreObjectIdentifier table)
    {
        var column = $"{Quote(table.Schema ?? model.GetDefaultSchema() ?? "public")}.{Quote(table.Name)}.{Quote(property.GetColumnName(table)!)}";
        var strategy = property.GetValueGenerationStrategy(table);
        if (strategy == NpgsqlValueGenerationStrategy.SequenceHiLo && property.FindHiLoSequence(table) is { } hilo)
        {
            return new ExplicitLink(Name(model, hilo.Schema, hilo.Name), column) { Allocation = IdAllocation.FromValue, Optional = true };
        }

        if (strategy == NpgsqlValueGenerationStrategy.Sequence && property.FindSequence(table) is { } sequence)
        {
            return new ExplicitLink(Name(model, sequence.Schema, sequence.Name), column) { Optional = true };
        }

        return property.GetDefaultValueSql(table) is { } sql && Nextval().Match(sql) is { Success: true } call
            ? new ExplicitLink(call.Groups["name"].Value.Replace("''", "'", StringComparison.Ordinal), column) { Optional = true }
            : null;
    }

    private static string Name(IModel model, string? schema, string name) =>
        (schema ?? model.GetDefaultSchema()) is { } s ? $"{Quote(s)}.{Quote(name)}" : Quote(name);

    // Double quotes make a pgseq (psql-style) pattern, and an SQL name, match the name exactly: no case folding, no wildcards.
    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // nextval('name') as HasDefaultValueSql writes it, with or without ::regclass; the name as SQL writes it.
    [GeneratedRegex(@"^\s*nextval\('(?<name>(?:[^']|'')+)'(?:::regclass)?\)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Nextval();
}
