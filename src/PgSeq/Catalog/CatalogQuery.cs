namespace PgSeq.Catalog;

/// <summary>
/// The catalog query: every sequence in the user schemas, one row per column it feeds (one row with no column when it
/// feeds none), sorted by the sequence's name, with the link rules of <see cref="SequenceLinks"/>. Its parameters are
/// the explicit links as OID arrays ($1 sequences, $2 tables, $3 column numbers, $4 whether each allocates from the
/// value upwards) and whether to link sequences by their names ($5).
/// </summary>
internal static class CatalogQuery
{
    /// <summary>The query text; <c>tests/PgSeq.Tests/Approved/catalog.approved.sql</c> pins it.</summary>
    public static readonly string Sql = $"""
        WITH RECURSIVE
        {SequenceLinks.CommonTableExpressions(
            "$1::pg_catalog.oid[]", "$2::pg_catalog.oid[]", "$3::pg_catalog.int2[]", "$4::pg_catalog.bool[]", "$5::pg_catalog.bool")},
        indexed (table_oid, attnum) AS (
            SELECT DISTINCT i.indrelid, i.indkey[0]
            FROM pg_catalog.pg_index AS i
            JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
            JOIN pg_catalog.pg_am AS am ON am.oid = ic.relam
            WHERE i.indpred IS NULL AND am.amname = 'btree'
        )
        SELECT s.seqrelid AS seq_oid,
               pg_catalog.format('%I.%I', sn.nspname, sc.relname) AS seq_name,
               pg_catalog.quote_literal(pg_catalog.format('%I.%I', sn.nspname, sc.relname)) AS seq_literal,
               sn.nspname AS seq_schema,
               pg_catalog.pg_get_userbyid(sc.relowner) AS seq_owner,
               pg_catalog.format_type(s.seqtypid, NULL) AS seq_type,
               s.seqstart AS seq_start, s.seqincrement AS seq_increment, s.seqmin AS seq_min, s.seqmax AS seq_max,
               s.seqcache AS seq_cache, s.seqcycle AS seq_cycle,
               sc.relpersistence = 'u' AS seq_unlogged,
               pg_catalog.pg_has_role(sc.relowner, 'USAGE') AS can_alter,
               pg_catalog.has_sequence_privilege(s.seqrelid, 'SELECT') AS can_read_sequence,
               f.table_oid IS NOT NULL AS has_column,
               pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(f.table_relname) AS table_name,
               tn.nspname AS table_schema,
               f.table_relname,
               f.attname AS column_name,
               pg_catalog.quote_ident(f.attname) AS column_identifier,
               pg_catalog.format_type(f.atttypid, f.atttypmod) AS column_type,
               f.identity::text AS identity, f.owned, f.in_default, f.late_bound, f.explicit, f.inferred, f.rule AS inferred_rule, f.ambiguous,
               CASE WHEN NOT f.measured THEN f.default_expr END AS default_expr,
               f.integral, f.measured, f.comparable, f.app_block, f.rls_hidden, f.rls_forced, f.table_unlogged,
               pg_catalog.format_type(f.base_oid, NULL) AS base_type,
               pg_catalog.has_column_privilege(f.table_oid, f.attnum, 'SELECT') AS can_read_column,
               pg_catalog.has_table_privilege(f.table_oid, 'UPDATE')
                 OR pg_catalog.has_table_privilege(f.table_oid, 'DELETE')
                 OR pg_catalog.has_table_privilege(f.table_oid, 'TRUNCATE') AS can_lock,
               ix.table_oid IS NOT NULL AS indexed
        FROM pg_catalog.pg_sequence AS s
        JOIN pg_catalog.pg_class AS sc ON sc.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace AS sn ON sn.oid = sc.relnamespace
        LEFT JOIN (feed AS f
                   JOIN pg_catalog.pg_namespace AS tn ON tn.oid = f.table_namespace
                   LEFT JOIN indexed AS ix ON ix.table_oid = f.table_oid AND ix.attnum = f.attnum)
          ON f.seq_oid = s.seqrelid
        WHERE sn.nspname <> 'information_schema'
          AND sn.nspname !~ '^pg_(catalog$|toast|temp_)'
        ORDER BY pg_catalog.format('%I.%I', sn.nspname, sc.relname) COLLATE "C", s.seqrelid
        """;
}
