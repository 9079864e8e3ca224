-- pgseq repair block: moves every sequence that feeds one of the wanted tables (all tables when the list is NULL)
-- past the data, forward only. Meant to end a data migration or deploy script, inside its transaction: each sequence's
-- tables are locked against writers and the sequence against nextval() callers until that transaction commits.
DO $pgseq$
DECLARE
    wanted oid[] := (SELECT pg_catalog.array_agg(pg_catalog.to_regclass(t)) FROM pg_catalog.unnest(__TABLES__::text[]) AS t);
    g record;
    extreme numeric;
    current_next numeric;
    goal numeric;
BEGIN
    FOR g IN
        WITH mention (seq_oid, table_oid, attnum) AS (
            SELECT d.objid, d.refobjid, d.refobjsubid::int2
            FROM pg_catalog.pg_depend AS d
            WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
              AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
              AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
            UNION
            SELECT d.refobjid, ad.adrelid, ad.adnum
            FROM pg_catalog.pg_attrdef AS ad
            JOIN pg_catalog.pg_depend AS d
              ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND d.objid = ad.oid
             AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid = 0
        ),
        measured (seq_oid, table_oid, attname) AS (
            SELECT m.seq_oid, m.table_oid, a.attname
            FROM mention AS m
            JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = m.seq_oid AND NOT s.seqcycle
            JOIN pg_catalog.pg_class AS t ON t.oid = m.table_oid AND t.relkind IN ('r', 'p') AND NOT t.relispartition
            JOIN pg_catalog.pg_attribute AS a ON a.attrelid = m.table_oid AND a.attnum = m.attnum AND NOT a.attisdropped
            JOIN pg_catalog.pg_type AS ty ON ty.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_attrdef AS ad ON ad.adrelid = m.table_oid AND ad.adnum = m.attnum
            WHERE (CASE WHEN ty.typtype = 'd' THEN ty.typbasetype ELSE ty.oid END)
                    IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype, 'pg_catalog.int8'::pg_catalog.regtype)
              AND (ad.oid IS NULL OR a.attidentity <> ''
                   OR pg_catalog.pg_get_expr(CASE WHEN a.attgenerated = '' THEN ad.adbin END, 0) ~ '^\(?nextval\(''(?:[^'']|'''')+''::regclass\)(?:\)::(?:smallint|integer|bigint))?$')
        )
        SELECT m.seq_oid, s.seqincrement AS inc, s.seqmin AS min_value, s.seqmax AS max_value,
               pg_catalog.string_agg(DISTINCT m.table_oid::pg_catalog.regclass::text, ', ') AS tables,
               pg_catalog.string_agg(pg_catalog.format('SELECT %s(%I)::numeric FROM %s',
                   CASE WHEN s.seqincrement > 0 THEN 'max' ELSE 'min' END, m.attname, m.table_oid::pg_catalog.regclass), ' UNION ALL ') AS probes
        FROM measured AS m
        JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = m.seq_oid
        GROUP BY m.seq_oid, s.seqincrement, s.seqmin, s.seqmax
        HAVING wanted IS NULL OR pg_catalog.bool_or(m.table_oid = ANY (wanted))
        ORDER BY m.seq_oid::pg_catalog.regclass::text
    LOOP
        EXECUTE pg_catalog.format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', g.tables);
        EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY %s', g.seq_oid::pg_catalog.regclass, g.inc);
        EXECUTE pg_catalog.format('SELECT %s(v) FROM (%s) AS x (v)', CASE WHEN g.inc > 0 THEN 'max' ELSE 'min' END, g.probes) INTO extreme;
        EXECUTE pg_catalog.format('SELECT CASE WHEN is_called THEN last_value::numeric + %s ELSE last_value END FROM %s',
                                  g.inc, g.seq_oid::pg_catalog.regclass) INTO current_next;
        goal := extreme + g.inc;
        IF goal IS NOT NULL AND (CASE WHEN g.inc > 0 THEN goal > current_next ELSE goal < current_next END) THEN
            IF goal - g.inc BETWEEN g.min_value AND g.max_value THEN
                PERFORM pg_catalog.setval(g.seq_oid::pg_catalog.regclass, (goal - g.inc)::bigint, true);
            ELSE
                PERFORM pg_catalog.setval(g.seq_oid::pg_catalog.regclass, goal::bigint, false);
            END IF;
            RAISE NOTICE 'pgseq: % next value % -> %', g.seq_oid::pg_catalog.regclass, current_next, goal;
        END IF;
    END LOOP;
END
$pgseq$;
