using Npgsql;
using NpgsqlTypes;

namespace PgSeq.Catalog;

/// <summary>
/// Finds every sequence in the user schemas and every table column it feeds, in one catalog query by OID.
/// </summary>
internal static class SequenceCatalog
{
    // A sequence feeds a column when
    //   * pg_depend ties the sequence to the column: OWNED BY (deptype 'a': serial and friends, also after the
    //     column's default was dropped) or identity (deptype 'i');
    //   * the column's default mentions the sequence: nextval('s'::regclass) records a dependency of the
    //     pg_attrdef row on the sequence, whoever owns it (how CREATE SEQUENCE + DEFAULT nextval schemas work);
    //   * the default is the late-binding nextval('s'::text), which records no dependency: the name is resolved
    //     here with the current search_path, as an insert in this session would resolve it;
    //   * the caller said so (--link; $1, $2, $3 hold the resolved sequence, table and column);
    //   * nothing else ties the sequence to anything, no sequence feeds the column, and the sequence is named
    //     <table>_<column>_seq after an integer column in its own schema: an application that calls nextval() itself
    //     (SQLAlchemy's Sequence(), HiLo) leaves no other trace. Such links are "inferred".
    // Only ordinary and partitioned tables count. A partition or inheritance child whose column is fed by the same
    // sequence as the same-named column of an ancestor is "covered": MAX() on the ancestor already includes its rows.
    // Sequences that feed nothing are returned too, with no column.
    // Defaults are deparsed without their table (relid 0): with it, pg_get_expr opens the table, waiting behind any
    // ACCESS EXCLUSIVE lock (a running ALTER TABLE, VACUUM FULL) and loading every table into the relation cache.
    // Only generation expressions refer to columns, and those are never deparsed.
    private const string Sql = """
        WITH RECURSIVE
        ancestry (child, ancestor) AS (
            SELECT inhrelid, inhparent FROM pg_catalog.pg_inherits
            UNION
            SELECT a.child, i.inhparent
            FROM ancestry AS a
            JOIN pg_catalog.pg_inherits AS i ON i.inhrelid = a.ancestor
        ),
        base_type (type_oid, base_oid) AS (
            SELECT t.oid, t.oid FROM pg_catalog.pg_type AS t WHERE t.typtype <> 'd'
            UNION ALL
            SELECT d.oid, b.base_oid
            FROM pg_catalog.pg_type AS d
            JOIN base_type AS b ON b.type_oid = d.typbasetype
            WHERE d.typtype = 'd'
        ),
        mention (seq_oid, table_oid, attnum, owned, in_default, late_bound, explicit) AS (
            SELECT d.objid, d.refobjid, d.refobjsubid::int2, d.deptype = 'a', false, false, false
            FROM pg_catalog.pg_depend AS d
            WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
              AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
              AND d.refobjsubid > 0
              AND d.deptype IN ('a', 'i')
            UNION ALL
            SELECT d.refobjid, ad.adrelid, ad.adnum, false, true, false, false
            FROM pg_catalog.pg_attrdef AS ad
            JOIN pg_catalog.pg_depend AS d
              ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
             AND d.objid = ad.oid
             AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
             AND d.refobjsubid = 0
            UNION ALL
            SELECT pg_catalog.to_regclass(pg_catalog.replace(late.name[1], '''''', '''')), ad.adrelid, ad.adnum, false, true, true, false
            FROM pg_catalog.pg_attrdef AS ad
            JOIN pg_catalog.pg_attribute AS la ON la.attrelid = ad.adrelid AND la.attnum = ad.adnum,
                 pg_catalog.regexp_match(pg_catalog.pg_get_expr(CASE WHEN la.attgenerated = '' THEN ad.adbin END, 0),
                                         '^nextval\(\(''((?:[^'']|'''')+)''::text\)::regclass\)$') AS late (name)
            -- A default that depends on a sequence is not late-bound; skipping those spares deparsing most defaults.
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS dd
                              WHERE dd.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND dd.objid = ad.oid
                                AND dd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dd.refobjsubid = 0)
            UNION ALL
            SELECT e.seq_oid, e.table_oid, e.attnum, false, false, false, true
            FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.oid[]), pg_catalog.unnest($2::pg_catalog.oid[]), pg_catalog.unnest($3::pg_catalog.int2[]))
                 AS e (seq_oid, table_oid, attnum)
        ),
        declared (seq_oid, table_oid, attnum, owned, in_default, late_bound, explicit) AS (
            SELECT m.seq_oid, m.table_oid, m.attnum, pg_catalog.bool_or(m.owned), pg_catalog.bool_or(m.in_default),
                   pg_catalog.bool_or(m.late_bound), pg_catalog.bool_or(m.explicit)
            FROM mention AS m
            JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = m.seq_oid
            JOIN pg_catalog.pg_class AS t ON t.oid = m.table_oid AND t.relkind IN ('r', 'p')
            JOIN pg_catalog.pg_attribute AS a ON a.attrelid = m.table_oid AND a.attnum = m.attnum AND NOT a.attisdropped
            GROUP BY m.seq_oid, m.table_oid, m.attnum
        ),
        unlinked (seq_oid, name, schema_oid) AS (
            SELECT s.seqrelid, c.relname, c.relnamespace
            FROM pg_catalog.pg_sequence AS s
            JOIN pg_catalog.pg_class AS c ON c.oid = s.seqrelid
            WHERE NOT EXISTS (SELECT 1 FROM mention AS m WHERE m.seq_oid = s.seqrelid)
        ),
        inferred (seq_oid, table_oid, attnum) AS (
            SELECT u.seq_oid, t.oid, a.attnum
            FROM unlinked AS u
            JOIN pg_catalog.pg_class AS t ON t.relnamespace = u.schema_oid AND t.relkind IN ('r', 'p') AND NOT t.relispartition
            JOIN pg_catalog.pg_attribute AS a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN base_type AS bt ON bt.type_oid = a.atttypid
            WHERE u.name = t.relname || '_' || a.attname || '_seq'
              AND bt.base_oid IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype, 'pg_catalog.int8'::pg_catalog.regtype)
              AND NOT EXISTS (SELECT 1 FROM declared AS d WHERE d.table_oid = t.oid AND d.attnum = a.attnum)
        ),
        link (seq_oid, table_oid, attnum, owned, in_default, late_bound, explicit, inferred) AS (
            SELECT seq_oid, table_oid, attnum, owned, in_default, late_bound, explicit, false FROM declared
            UNION ALL
            SELECT seq_oid, table_oid, attnum, false, false, false, false, true FROM inferred
        ),
        indexed (table_oid, attnum) AS (
            SELECT DISTINCT i.indrelid, i.indkey[0]
            FROM pg_catalog.pg_index AS i
            JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
            JOIN pg_catalog.pg_am AS am ON am.oid = ic.relam
            WHERE i.indpred IS NULL AND am.amname = 'btree'
        ),
        covered (seq_oid, table_oid, attnum) AS (
            SELECT DISTINCT l.seq_oid, l.table_oid, l.attnum
            FROM link AS l
            JOIN ancestry AS an ON an.child = l.table_oid
            JOIN link AS pl ON pl.table_oid = an.ancestor AND pl.seq_oid = l.seq_oid
            JOIN pg_catalog.pg_attribute AS ca ON ca.attrelid = l.table_oid AND ca.attnum = l.attnum
            JOIN pg_catalog.pg_attribute AS pa ON pa.attrelid = pl.table_oid AND pa.attnum = pl.attnum
            WHERE ca.attname = pa.attname
        )
        SELECT s.seqrelid,
               pg_catalog.format('%I.%I', sn.nspname, sc.relname),
               pg_catalog.quote_literal(pg_catalog.format('%I.%I', sn.nspname, sc.relname)),
               pg_catalog.pg_get_userbyid(sc.relowner),
               pg_catalog.format_type(s.seqtypid, NULL),
               s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
               pg_catalog.pg_has_role(sc.relowner, 'USAGE'),
               pg_catalog.has_sequence_privilege(s.seqrelid, 'SELECT'),
               l.table_oid,
               pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(tc.relname),
               tn.nspname,
               tc.relname,
               a.attname,
               pg_catalog.quote_ident(a.attname),
               pg_catalog.format_type(a.atttypid, a.atttypmod),
               pg_catalog.format_type(bt.base_oid, NULL),
               a.attidentity,
               l.owned,
               l.in_default,
               l.late_bound,
               pg_catalog.pg_get_expr(CASE WHEN a.attgenerated = '' THEN ad.adbin END, 0),
               pg_catalog.has_column_privilege(l.table_oid, l.attnum, 'SELECT'),
               pg_catalog.has_table_privilege(l.table_oid, 'UPDATE')
                 OR pg_catalog.has_table_privilege(l.table_oid, 'DELETE')
                 OR pg_catalog.has_table_privilege(l.table_oid, 'TRUNCATE'),
               ix.table_oid IS NOT NULL,
               l.explicit,
               l.inferred,
               sn.nspname,
               sc.relpersistence = 'u'
        FROM pg_catalog.pg_sequence AS s
        JOIN pg_catalog.pg_class AS sc ON sc.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace AS sn ON sn.oid = sc.relnamespace
        LEFT JOIN (link AS l
                   JOIN pg_catalog.pg_class AS tc ON tc.oid = l.table_oid
                   JOIN pg_catalog.pg_namespace AS tn ON tn.oid = tc.relnamespace
                   JOIN pg_catalog.pg_attribute AS a ON a.attrelid = l.table_oid AND a.attnum = l.attnum
                   JOIN base_type AS bt ON bt.type_oid = a.atttypid
                   LEFT JOIN pg_catalog.pg_attrdef AS ad ON ad.adrelid = l.table_oid AND ad.adnum = l.attnum
                   LEFT JOIN indexed AS ix ON ix.table_oid = l.table_oid AND ix.attnum = l.attnum)
          ON l.seq_oid = s.seqrelid
         AND NOT EXISTS (SELECT 1 FROM covered AS cv
                         WHERE cv.seq_oid = l.seq_oid AND cv.table_oid = l.table_oid AND cv.attnum = l.attnum)
        WHERE sn.nspname <> 'information_schema'
          AND sn.nspname !~ '^pg_(catalog$|toast|temp_)'
        """;

    /// <summary>Loads every sequence in the user schemas with the columns it feeds, sorted by sequence name.</summary>
    public static async Task<IReadOnlyList<CatalogSequence>> LoadAsync(
        NpgsqlConnection connection, IReadOnlyList<ExplicitLink> links, CancellationToken cancellationToken)
    {
        var (sequenceOids, tableOids, columnNumbers) = await LinkResolver.ResolveAsync(connection, links, cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Oid, Value = sequenceOids },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Oid, Value = tableOids },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint, Value = columnNumbers },
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var pool = new StringPool();
        var sequences = new Dictionary<uint, (CatalogSequence Sequence, List<CatalogColumn> Columns)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var oid = reader.GetFieldValue<uint>(0);
            if (!sequences.TryGetValue(oid, out var entry))
            {
                var columns = new List<CatalogColumn>(1);
                var definition = new SequenceDefinition(
                    Name: reader.GetString(1),
                    DataType: pool.Get(reader.GetString(4)),
                    Start: reader.GetInt64(5),
                    Increment: reader.GetInt64(6),
                    MinValue: reader.GetInt64(7),
                    MaxValue: reader.GetInt64(8),
                    Cache: reader.GetInt64(9),
                    Cycle: reader.GetBoolean(10));
                entry = (new CatalogSequence(oid, definition, reader.GetString(2), pool.Get(reader.GetString(3)), reader.GetBoolean(11), reader.GetBoolean(12), columns)
                {
                    Schema = pool.Get(reader.GetString(31)),
                    Unlogged = reader.GetBoolean(32),
                }, columns);
                sequences.Add(oid, entry);
            }

            if (!reader.IsDBNull(13))
            {
                entry.Columns.Add(ReadColumn(reader, pool));
            }
        }

        foreach (var (_, columns) in sequences.Values)
        {
            columns.Sort((a, b) => (string.CompareOrdinal(a.Table, b.Table), string.CompareOrdinal(a.Link.Column, b.Link.Column)) switch
            {
                (0, var byColumn) => byColumn,
                var (byTable, _) => byTable,
            });
        }

        return [.. sequences.Values.Select(e => e.Sequence).OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static CatalogColumn ReadColumn(NpgsqlDataReader reader, StringPool pool)
    {
        var columnType = pool.Get(reader.GetString(19));
        var range = ValueRange.Of(reader.GetString(20));
        var identity = reader.GetChar(21);
        var defaultExpression = reader.IsDBNull(25) ? null : reader.GetString(25);
        var kind = LinkClassifier.Kind(identity, reader.GetBoolean(22), reader.GetBoolean(23), reader.GetBoolean(24), reader.GetBoolean(29), reader.GetBoolean(30));
        var link = new LinkedColumn(reader.GetString(14), pool.Get(reader.GetString(17)), columnType, kind)
        {
            SkipReason = LinkClassifier.SkipReason(kind, range is not null, columnType, defaultExpression),
            Indexed = reader.GetBoolean(28),
        };
        return new CatalogColumn(
            link,
            TableOid: reader.GetFieldValue<uint>(13),
            TableSchema: pool.Get(reader.GetString(15)),
            TableRelName: reader.GetString(16),
            ColumnIdentifier: pool.Get(reader.GetString(18)),
            CanRead: reader.GetBoolean(26),
            CanLock: reader.GetBoolean(27))
        {
            Range = range,
        };
    }
}
