using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PgSeq.EntityFrameworkCore;

/// <summary>The tables an EF Core model maps, as pgseq table patterns that match exactly those tables.</summary>
internal static class ModelScope
{
    /// <summary>
    /// <paramref name="options"/> limited to the model's tables, unless the caller already chose tables. A sequence
    /// that also feeds tables outside the model still clears their data: scope selects sequences, not columns.
    /// </summary>
    public static T Apply<T>(IModel model, T options)
        where T : CheckOptions =>
        options.Tables.Count > 0 ? options : options with { Tables = Tables(model) };

    private static string[] Tables(IModel model) =>
    [
        .. model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .Select(e => (Schema: e.GetSchema() ?? model.GetDefaultSchema(), Table: e.GetTableName()!))
            .Distinct()
            .Select(t => t.Schema is null ? Quote(t.Table) : $"{Quote(t.Schema)}.{Quote(t.Table)}"),
    ];

    // Double quotes make a pgseq (psql-style) pattern match the name exactly: no case folding, no wildcards.
    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
