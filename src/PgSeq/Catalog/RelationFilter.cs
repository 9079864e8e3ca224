namespace PgSeq.Catalog;

/// <summary>Decides which tables are in scope, from the schema and table patterns of <see cref="CheckOptions"/>.</summary>
internal sealed class RelationFilter
{
    private readonly PsqlPattern[] _schemas;
    private readonly PsqlPattern[] _excludeSchemas;
    private readonly PsqlPattern[] _tables;
    private readonly PsqlPattern[] _excludeTables;

    public RelationFilter(CheckOptions options)
    {
        _schemas = [.. options.Schemas.Select(PsqlPattern.ForSchema)];
        _excludeSchemas = [.. options.ExcludeSchemas.Select(PsqlPattern.ForSchema)];
        _tables = [.. options.Tables.Select(PsqlPattern.ForRelation)];
        _excludeTables = [.. options.ExcludeTables.Select(PsqlPattern.ForRelation)];
    }

    /// <summary>True when the table is in scope.</summary>
    public bool Includes(string schema, string table) =>
        (_schemas.Length == 0 || _schemas.Any(p => p.Matches(schema)))
        && !_excludeSchemas.Any(p => p.Matches(schema))
        && (_tables.Length == 0 || _tables.Any(p => p.Matches(schema, table)))
        && !_excludeTables.Any(p => p.Matches(schema, table));

    /// <summary>The same decision as <see cref="Includes"/>, as an SQL condition on the two columns (for SQL that decides
    /// when it runs, such as the repair block).</summary>
    public string ToSql(string schema, string table)
    {
        static string Any(PsqlPattern[] patterns, string schema, string table) =>
            $"EXISTS (SELECT 1 FROM ROWS FROM (pg_catalog.unnest({SqlLiteral.Array(patterns.Select(p => p.SchemaRegex))}), "
            + $"pg_catalog.unnest({SqlLiteral.Array(patterns.Select(p => p.NameRegex))})) AS p (s, n) "
            + $"WHERE (p.s IS NULL OR {schema} ~ p.s) AND {table} ~ p.n)";
        var conditions = new List<string>();
        if (_schemas.Length > 0)
        {
            conditions.Add(AnySchema(_schemas, schema));
        }

        if (_excludeSchemas.Length > 0)
        {
            conditions.Add("NOT " + AnySchema(_excludeSchemas, schema));
        }

        if (_tables.Length > 0)
        {
            conditions.Add(Any(_tables, schema, table));
        }

        if (_excludeTables.Length > 0)
        {
            conditions.Add("NOT " + Any(_excludeTables, schema, table));
        }

        return conditions.Count == 0 ? "true" : "(" + string.Join(" AND ", conditions) + ")";
    }

    /// <summary>The decision <see cref="Apply"/> takes for a sequence that feeds no column, as an SQL condition on its
    /// schema's name: in scope by its own schema, unless table patterns narrow the run to tables.</summary>
    public string SchemaToSql(string schema)
    {
        if (_tables.Length > 0)
        {
            return "false";
        }

        var conditions = new List<string> { "true" };
        if (_schemas.Length > 0)
        {
            conditions.Add(AnySchema(_schemas, schema));
        }

        if (_excludeSchemas.Length > 0)
        {
            conditions.Add("NOT " + AnySchema(_excludeSchemas, schema));
        }

        return "(" + string.Join(" AND ", conditions) + ")";
    }

    /// <summary>
    /// Keeps the sequences that feed at least one table in scope. A kept sequence keeps all its columns, in scope or
    /// not: the largest value across all of them is what the sequence must clear. A sequence that feeds no column is
    /// kept when its own schema is in scope and no table pattern narrows the run to tables.
    /// </summary>
    public IReadOnlyList<CatalogSequence> Apply(IReadOnlyList<CatalogSequence> sequences) =>
        [.. sequences.Where(s => s.Columns.Count == 0 ? SchemaInScope(s.Schema) : s.Columns.Any(c => Includes(c.TableSchema, c.TableRelName)))];

    private static string AnySchema(PsqlPattern[] patterns, string schema) =>
        $"EXISTS (SELECT 1 FROM pg_catalog.unnest({SqlLiteral.Array(patterns.Select(p => p.NameRegex))}) AS p (n) WHERE {schema} ~ p.n)";

    // A sequence that feeds nothing is in scope by its own schema, unless table patterns narrow the run to tables.
    private bool SchemaInScope(string schema) =>
        _tables.Length == 0 && (_schemas.Length == 0 || _schemas.Any(p => p.Matches(schema))) && !_excludeSchemas.Any(p => p.Matches(schema));
}
