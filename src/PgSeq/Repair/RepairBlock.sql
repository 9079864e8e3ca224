-- pgseq repair block: moves every sequence that feeds one of the wanted tables (all tables when the list is NULL)
-- past the data, forward only. Meant to end a data migration or deploy script, inside its transaction: each sequence's
-- tables are locked against writers and the sequence against nextval() callers until that transaction commits.
-- It finds the sequences with the same link rules as pgseq itself, when it runs.
DO $pgseq$
DECLARE
    wanted oid[] := (SELECT pg_catalog.array_agg(pg_catalog.to_regclass(t)) FROM pg_catalog.unnest(__TABLES__::text[]) AS t);
    g record;
    extreme numeric;
    seq_last_value bigint;
    seq_is_called boolean;
    current_next numeric;
    goal numeric;
BEGIN
    FOR g IN
        WITH RECURSIVE
        __LINKS__
        SELECT f.seq_oid::pg_catalog.regclass AS seq, s.seqincrement AS inc, s.seqmin AS min_value, s.seqmax AS max_value,
               CASE WHEN s.seqincrement > 0 THEN 'max' ELSE 'min' END AS aggregate,
               pg_catalog.string_agg(DISTINCT f.table_oid::pg_catalog.regclass::text, ', ') FILTER (WHERE f.measured) AS tables,
               pg_catalog.string_agg(pg_catalog.format('SELECT __EXTREME__',
                   CASE WHEN s.seqincrement > 0 THEN 'max' ELSE 'min' END, f.attname, f.table_oid::pg_catalog.regclass), ' UNION ALL ')
                   FILTER (WHERE f.measured) AS probes
        FROM feed AS f
        JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = f.seq_oid AND NOT s.seqcycle
        WHERE NOT f.inferred
        GROUP BY f.seq_oid, s.seqincrement, s.seqmin, s.seqmax
        HAVING pg_catalog.bool_or(f.measured) AND (wanted IS NULL OR pg_catalog.bool_or(f.table_oid = ANY (wanted)))
        ORDER BY f.seq_oid::pg_catalog.regclass::text
    LOOP
        EXECUTE pg_catalog.format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', g.tables);
        EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY %s', g.seq, g.inc);
        EXECUTE pg_catalog.format('SELECT pg_catalog.%s(v) FROM (%s) AS x (v)', g.aggregate, g.probes) INTO extreme;
        EXECUTE pg_catalog.format('SELECT __STATE__', g.seq) INTO seq_last_value, seq_is_called;
        current_next := __NEXT_VALUE__;
        goal := extreme + g.inc;
        IF goal IS NOT NULL AND (CASE WHEN g.inc > 0 THEN goal > current_next ELSE goal < current_next END) THEN
            PERFORM __SETVAL__;
            RAISE NOTICE 'pgseq: % next value % -> %', g.seq, current_next, goal;
        END IF;
    END LOOP;
END
$pgseq$;
