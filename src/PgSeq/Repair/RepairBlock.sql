-- pgseq repair block: moves every sequence that feeds a table in scope past the data, forward only, with the link
-- rules pgseq itself uses, found when the block runs. Meant to end a data migration or deploy script, inside its
-- transaction: each sequence's tables are locked against writers and the sequence against nextval() callers until
-- that transaction commits.
DO $pgseq$
DECLARE
    wanted oid[] := (SELECT pg_catalog.array_agg(pg_catalog.to_regclass(t)) FROM pg_catalog.unnest(__TABLES__::text[]) AS t);
    link_sequences text[] := __LINK_SEQUENCES__;
    link_columns text[] := __LINK_COLUMNS__;
    link_from_value boolean[] := __LINK_FROM_VALUE__;
    link_optional boolean[] := __LINK_OPTIONAL__;
    previous_row_security text := pg_catalog.current_setting('row_security');
    explicit_sequences oid[] := ARRAY[]::oid[];
    explicit_tables oid[] := ARRAY[]::oid[];
    explicit_columns int2[] := ARRAY[]::int2[];
    explicit_from_value boolean[] := ARRAY[]::boolean[];
    found_link record;
    g record;
    extreme numeric;
    seq_last_value bigint;
    seq_is_called boolean;
    current_next numeric;
    required numeric;
    goal numeric;
    modulus numeric;
    residue numeric;
    probes text;
BEGIN
    -- MAX of the rows row level security lets through would be wrong: make such a table refuse the query instead.
    PERFORM pg_catalog.set_config('row_security', 'off', true);
    FOR found_link IN __RESOLVE_LINKS__ LOOP
        CONTINUE WHEN link_optional[found_link.ord]
                      AND (found_link.seq_oid IS NULL OR NOT found_link.is_sequence OR found_link.attnum IS NULL);
        IF found_link.seq_oid IS NULL OR NOT found_link.is_sequence THEN
            RAISE EXCEPTION 'pgseq: link %=%: there is no sequence %',
                link_sequences[found_link.ord], link_columns[found_link.ord], link_sequences[found_link.ord];
        END IF;
        IF found_link.attnum IS NULL THEN
            RAISE EXCEPTION 'pgseq: link %=%: there is no table column %',
                link_sequences[found_link.ord], link_columns[found_link.ord], link_columns[found_link.ord];
        END IF;
        explicit_sequences := explicit_sequences || found_link.seq_oid;
        explicit_tables := explicit_tables || found_link.table_oid;
        explicit_columns := explicit_columns || found_link.attnum;
        explicit_from_value := explicit_from_value || link_from_value[found_link.ord];
    END LOOP;

    FOR g IN
        WITH RECURSIVE
        __LINKS__
        SELECT f.seq_oid::pg_catalog.regclass AS seq, s.seqincrement AS inc, s.seqmin AS min_value, s.seqmax AS max_value,
               CASE WHEN s.seqincrement > 0 THEN 'max' ELSE 'min' END AS aggregate,
               pg_catalog.bool_or(f.app_block) FILTER (WHERE f.measured) AS app,
               -- One writer of several (see Lattice): only values the sequence can hand out count, for columns the server
               -- feeds, when the increment is not 1 or the range is not its type's default.
               pg_catalog.bool_and(f.identity <> '' OR f.in_default) FILTER (WHERE f.measured)
                 AND (pg_catalog.abs(s.seqincrement) <> 1
                      OR (s.seqmin, s.seqmax) IS DISTINCT FROM (
                          CASE WHEN s.seqincrement > 0 THEN 1 ELSE t.type_min END,
                          CASE WHEN s.seqincrement > 0 THEN t.type_max ELSE -1 END)) AS lattice,
               pg_catalog.string_agg(DISTINCT f.table_oid::pg_catalog.regclass::text, ', ') FILTER (WHERE f.measured AND f.rls_hidden) AS hidden,
               pg_catalog.string_agg(DISTINCT f.table_oid::pg_catalog.regclass::text, ', ') FILTER (WHERE f.measured) AS tables,
               pg_catalog.array_agg(f.attname::text) FILTER (WHERE f.measured) AS columns,
               pg_catalog.array_agg(f.table_oid::pg_catalog.regclass::text) FILTER (WHERE f.measured) AS relations
        FROM feed AS f
        JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = f.seq_oid AND NOT s.seqcycle
        CROSS JOIN LATERAL (SELECT CASE s.seqtypid WHEN 'pg_catalog.int2'::pg_catalog.regtype THEN -32768
                                                   WHEN 'pg_catalog.int4'::pg_catalog.regtype THEN -2147483648
                                                   ELSE -9223372036854775808 END,
                                   CASE s.seqtypid WHEN 'pg_catalog.int2'::pg_catalog.regtype THEN 32767
                                                   WHEN 'pg_catalog.int4'::pg_catalog.regtype THEN 2147483647
                                                   ELSE 9223372036854775807 END) AS t (type_min, type_max)
        JOIN pg_catalog.pg_namespace AS fn ON fn.oid = f.table_namespace
        WHERE NOT f.ambiguous
        GROUP BY f.seq_oid, s.seqincrement, s.seqmin, s.seqmax, t.type_min, t.type_max
        HAVING pg_catalog.bool_or(f.measured)
           AND pg_catalog.bool_or((wanted IS NULL OR f.table_oid = ANY (wanted)) AND __IN_SCOPE__)
        ORDER BY f.seq_oid::pg_catalog.regclass::text
    LOOP
        IF g.hidden IS NOT NULL THEN
            RAISE EXCEPTION 'pgseq: row level security on % hides rows from role %, so MAX would come from part of the data; run the migration as a role with BYPASSRLS, a superuser, or the owner of a table that does not FORCE ROW LEVEL SECURITY',
                g.hidden, current_user;
        END IF;
        EXECUTE pg_catalog.format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', g.tables);
        EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY %s', g.seq, g.inc);
        EXECUTE pg_catalog.format('SELECT __STATE__', g.seq) INTO seq_last_value, seq_is_called;
        -- The class is that of the next value, which last_value shares whether or not it was called.
        modulus := pg_catalog.abs(g.inc);
        residue := pg_catalog.mod(pg_catalog.mod(seq_last_value::numeric, modulus) + modulus, modulus);
        probes := NULL;
        FOR i IN 1 .. pg_catalog.array_length(g.columns, 1) LOOP
            probes := pg_catalog.concat_ws(' UNION ALL ', probes, pg_catalog.format(
                CASE WHEN g.lattice THEN 'SELECT __LATTICE_EXTREME__' ELSE 'SELECT __EXTREME__' END,
                g.aggregate, g.columns[i], g.relations[i], g.columns[i], g.min_value, g.max_value,
                g.columns[i], modulus, residue, residue - modulus));
        END LOOP;
        EXECUTE pg_catalog.format('SELECT pg_catalog.%s(v) FROM (%s) AS x (v)', g.aggregate, probes) INTO extreme;
        current_next := __NEXT_VALUE__;
        required := __REQUIRED__;
        IF __FALLS_SHORT__ THEN
            goal := extreme + g.inc * __STEPS__;
            PERFORM __SETVAL__;
            RAISE NOTICE 'pgseq: % next value % -> %', g.seq, current_next, goal;
        END IF;
    END LOOP;
    PERFORM pg_catalog.set_config('row_security', previous_row_security, true);
END
$pgseq$;
