using Npgsql;

namespace PgSeq.Catalog;

/// <summary>Reads one row of the catalog query, by column name (ordinals resolved once).</summary>
// Owners, schemas, types and column names repeat across thousands of rows; a large report holds each once
// (pool, shared by the fetches of one run).
internal sealed class CatalogRow(NpgsqlDataReader reader, StringPool pool)
{
    private readonly StringPool _pool = pool;

    public int SeqOid { get; } = reader.GetOrdinal("seq_oid");

    public int HasColumn { get; } = reader.GetOrdinal("has_column");

    public int Ambiguous { get; } = reader.GetOrdinal("ambiguous");

    /// <summary>The number of sequences in scope, the same on every row of the cursor.</summary>
    public int SequencesInScope { get; } = reader.GetOrdinal("sequences_in_scope");

    private int SeqName { get; } = reader.GetOrdinal("seq_name");

    private int SeqLiteral { get; } = reader.GetOrdinal("seq_literal");

    private int SeqSchema { get; } = reader.GetOrdinal("seq_schema");

    private int SeqOwner { get; } = reader.GetOrdinal("seq_owner");

    private int SeqType { get; } = reader.GetOrdinal("seq_type");

    private int SeqStart { get; } = reader.GetOrdinal("seq_start");

    private int SeqIncrement { get; } = reader.GetOrdinal("seq_increment");

    private int SeqMin { get; } = reader.GetOrdinal("seq_min");

    private int SeqMax { get; } = reader.GetOrdinal("seq_max");

    private int SeqCache { get; } = reader.GetOrdinal("seq_cache");

    private int SeqCycle { get; } = reader.GetOrdinal("seq_cycle");

    private int SeqUnlogged { get; } = reader.GetOrdinal("seq_unlogged");

    private int CanAlter { get; } = reader.GetOrdinal("can_alter");

    private int CanReadSequence { get; } = reader.GetOrdinal("can_read_sequence");

    private int TableName { get; } = reader.GetOrdinal("table_name");

    private int TableSchema { get; } = reader.GetOrdinal("table_schema");

    private int TableRelName { get; } = reader.GetOrdinal("table_relname");

    private int ColumnName { get; } = reader.GetOrdinal("column_name");

    private int ColumnIdentifier { get; } = reader.GetOrdinal("column_identifier");

    private int ColumnType { get; } = reader.GetOrdinal("column_type");

    private int BaseType { get; } = reader.GetOrdinal("base_type");

    private int Identity { get; } = reader.GetOrdinal("identity");

    private int Owned { get; } = reader.GetOrdinal("owned");

    private int InDefault { get; } = reader.GetOrdinal("in_default");

    private int LateBound { get; } = reader.GetOrdinal("late_bound");

    private int Explicit { get; } = reader.GetOrdinal("explicit");

    private int Inferred { get; } = reader.GetOrdinal("inferred");

    private int InferredRule { get; } = reader.GetOrdinal("inferred_rule");

    private int ApplicationBlock { get; } = reader.GetOrdinal("app_block");

    private int Comparable { get; } = reader.GetOrdinal("comparable");

    private int RowSecurityHides { get; } = reader.GetOrdinal("rls_hidden");

    private int RowSecurityForced { get; } = reader.GetOrdinal("rls_forced");

    private int TableUnlogged { get; } = reader.GetOrdinal("table_unlogged");

    private int DefaultExpression { get; } = reader.GetOrdinal("default_expr");

    private int Integral { get; } = reader.GetOrdinal("integral");

    private int Measured { get; } = reader.GetOrdinal("measured");

    private int CanReadColumn { get; } = reader.GetOrdinal("can_read_column");

    private int CanLock { get; } = reader.GetOrdinal("can_lock");

    private int Indexed { get; } = reader.GetOrdinal("indexed");

    public CatalogSequence Sequence(uint oid)
    {
        var definition = new SequenceDefinition
        {
            Name = reader.GetString(SeqName),
            DataType = _pool.Get(reader.GetString(SeqType)),
            Start = reader.GetInt64(SeqStart),
            Increment = reader.GetInt64(SeqIncrement),
            MinValue = reader.GetInt64(SeqMin),
            MaxValue = reader.GetInt64(SeqMax),
            Cache = reader.GetInt64(SeqCache),
            Cycle = reader.GetBoolean(SeqCycle),
        };
        return new CatalogSequence(oid, definition, reader.GetString(SeqLiteral), _pool.Get(reader.GetString(SeqOwner)),
            reader.GetBoolean(CanAlter), reader.GetBoolean(CanReadSequence), [])
        {
            Schema = _pool.Get(reader.GetString(SeqSchema)),
            Unlogged = reader.GetBoolean(SeqUnlogged),
        };
    }

    public CatalogColumn Column()
    {
        var columnType = _pool.Get(reader.GetString(ColumnType));
        var kind = LinkClassifier.Kind(new LinkFlags(
            reader.GetString(Identity) is [var identity] ? identity : default,
            reader.GetBoolean(Owned),
            reader.GetBoolean(InDefault),
            reader.GetBoolean(LateBound),
            reader.GetBoolean(Explicit), reader.GetBoolean(Inferred)));
        var link = new LinkedColumn
        {
            Table = reader.GetString(TableName),
            Column = _pool.Get(reader.GetString(ColumnName)),
            ColumnType = columnType,
            Kind = kind,
            SkipReason = LinkClassifier.SkipReason(
                reader.GetBoolean(Measured),
                reader.GetBoolean(Integral),
                columnType,
                reader.IsDBNull(DefaultExpression) ? null : reader.GetString(DefaultExpression)),
            Indexed = reader.GetBoolean(Indexed),
            InferredFrom = reader.IsDBNull(InferredRule) ? null : reader.GetString(InferredRule),
        };
        return new CatalogColumn(
            link,
            TableSchema: _pool.Get(reader.GetString(TableSchema)),
            TableRelName: reader.GetString(TableRelName),
            ColumnIdentifier: _pool.Get(reader.GetString(ColumnIdentifier)),
            CanRead: reader.GetBoolean(CanReadColumn),
            CanLock: reader.GetBoolean(CanLock))
        {
            Range = ValueRange.Of(reader.GetString(BaseType)),
            ApplicationAllocates = reader.GetBoolean(ApplicationBlock),
            Comparable = reader.GetBoolean(Comparable),
            RowFilter = !reader.GetBoolean(RowSecurityHides) ? RowFilter.None
                : reader.GetBoolean(RowSecurityForced) ? RowFilter.Forced
                : RowFilter.Applies,
            TableUnlogged = reader.GetBoolean(TableUnlogged),
        };
    }
}
