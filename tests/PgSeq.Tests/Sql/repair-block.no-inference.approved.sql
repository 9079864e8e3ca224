-- pgseq repair block: moves every sequence that feeds a table in scope past the data, forward only, with the link
-- rules pgseq itself uses, found when the block runs. Meant to end a data migration or deploy script, inside its
-- transaction: each sequence's tables are locked against writers and the sequence against nextval() callers until
-- that transaction commits.
DO $pgseq$
DECLARE
    wanted oid[] := (SELECT pg_catalog.array_agg(pg_catalog.to_regclass(t)) FROM pg_catalog.unnest(NULL::text[]) AS t);
    link_sequences text[] := ARRAY['public.hibernate_sequence']::text[];
    link_columns text[] := ARRAY['public.loans.id']::text[];
    link_from_value boolean[] := ARRAY[true]::boolean[];
    link_optional boolean[] := ARRAY[false]::boolean[];
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
    FOR found_link IN SELECT l.ord, s.oid AS seq_oid, s.relkind = 'S' AS is_sequence, t.oid AS table_oid, a.attnum
FROM ROWS FROM (pg_catalog.unnest(link_sequences), pg_catalog.unnest(link_columns)) WITH ORDINALITY AS l (seq, col, ord)
CROSS JOIN LATERAL (SELECT pg_catalog.parse_ident(l.col) AS p) AS parts
LEFT JOIN pg_catalog.pg_class AS s ON s.oid = pg_catalog.to_regclass(l.seq)
LEFT JOIN pg_catalog.pg_class AS t
  ON t.oid = pg_catalog.to_regclass(CASE pg_catalog.array_length(parts.p, 1)
           WHEN 3 THEN pg_catalog.quote_ident(parts.p[1]) || '.' || pg_catalog.quote_ident(parts.p[2])
           WHEN 2 THEN pg_catalog.quote_ident(parts.p[1]) END)
 AND t.relkind IN ('r', 'p')
LEFT JOIN pg_catalog.pg_attribute AS a
  ON a.attrelid = t.oid AND a.attname = parts.p[pg_catalog.array_length(parts.p, 1)] AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY l.ord LOOP
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
        ancestry (child, ancestor) AS (
    SELECT inhrelid, inhparent FROM pg_catalog.pg_inherits
    UNION
    SELECT a.child, i.inhparent
    FROM ancestry AS a
    JOIN pg_catalog.pg_inherits AS i ON i.inhrelid = a.ancestor
),
domain_chain (type_oid, base_oid, base_typmod) AS (
    SELECT d.oid, d.typbasetype, d.typtypmod FROM pg_catalog.pg_type AS d WHERE d.typtype = 'd'
    UNION ALL
    SELECT c.type_oid, d.typbasetype, CASE WHEN c.base_typmod >= 0 THEN c.base_typmod ELSE d.typtypmod END
    FROM domain_chain AS c
    JOIN pg_catalog.pg_type AS d ON d.oid = c.base_oid AND d.typtype = 'd'
),
-- Every domain with the type it is over in the end, and the typmod of the outermost domain that has one. Other
-- types are their own base: a database of 100,000 tables has 200,000 row types, and no use for them here.
domain_base (type_oid, base_oid, base_typmod) AS (
    SELECT c.type_oid, c.base_oid, c.base_typmod FROM domain_chain AS c
    WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type AS t WHERE t.oid = c.base_oid AND t.typtype = 'd')
),
mention (seq_oid, table_oid, attnum, owned, in_default, late_bound, explicit, from_value) AS (
    SELECT d.objid, d.refobjid, d.refobjsubid::int2, d.deptype = 'a', false, false, false, false
    FROM pg_catalog.pg_depend AS d
    WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.refobjsubid > 0
      AND d.deptype IN ('a', 'i')
    UNION ALL
    SELECT d.refobjid, ad.adrelid, ad.adnum, false, true, false, false, false
    FROM pg_catalog.pg_attrdef AS ad
    JOIN pg_catalog.pg_depend AS d
      ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
     AND d.objid = ad.oid
     AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
     AND d.refobjsubid = 0
    UNION ALL
    SELECT pg_catalog.to_regclass(pg_catalog.replace(late.name[1], '''''', '''')), ad.adrelid, ad.adnum, false, true, true, false, false
    FROM pg_catalog.pg_attrdef AS ad
    -- Only a default whose stored expression calls nextval() is deparsed, which also leaves out generation
    -- expressions (they call immutable functions only). A default that depends on a sequence is not late-bound.
    -- chr(58) is a colon, spelled out for tools that take a colon before a word for a parameter.
    CROSS JOIN LATERAL (SELECT pg_catalog.strpos(ad.adbin::pg_catalog.text, ' ' || pg_catalog.chr(58) || 'funcid '
                            || 'pg_catalog.nextval(pg_catalog.regclass)'::pg_catalog.regprocedure::pg_catalog.oid || ' ') > 0)
         AS n (calls_nextval),
         pg_catalog.regexp_match(pg_catalog.pg_get_expr(CASE WHEN n.calls_nextval THEN ad.adbin END, 0),
                                 '^nextval\(\(''((?:[^'']|'''')+)''::text\)::regclass\)$') AS late (name)
    WHERE n.calls_nextval
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend AS dd
                      WHERE dd.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND dd.objid = ad.oid
                        AND dd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dd.refobjsubid = 0)
    UNION ALL
    SELECT e.seq_oid, e.table_oid, e.attnum, false, false, false, true, e.from_value
    FROM ROWS FROM (pg_catalog.unnest(explicit_sequences), pg_catalog.unnest(explicit_tables), pg_catalog.unnest(explicit_columns),
                    pg_catalog.unnest(explicit_from_value))
         AS e (seq_oid, table_oid, attnum, from_value)
),
declared (seq_oid, table_oid, attnum, owned, in_default, late_bound, explicit, from_value) AS (
    SELECT m.seq_oid, m.table_oid, m.attnum, pg_catalog.bool_or(m.owned), pg_catalog.bool_or(m.in_default),
           pg_catalog.bool_or(m.late_bound), pg_catalog.bool_or(m.explicit), pg_catalog.bool_or(m.from_value)
    FROM mention AS m
    JOIN pg_catalog.pg_sequence AS s ON s.seqrelid = m.seq_oid
    JOIN pg_catalog.pg_class AS t ON t.oid = m.table_oid AND t.relkind IN ('r', 'p')
    GROUP BY m.seq_oid, m.table_oid, m.attnum
),
unlinked (seq_oid, name, schema_oid) AS (
    SELECT s.seqrelid, c.relname, c.relnamespace
    FROM pg_catalog.pg_sequence AS s
    JOIN pg_catalog.pg_class AS c ON c.oid = s.seqrelid
    WHERE NOT EXISTS (SELECT 1 FROM mention AS m WHERE m.seq_oid = s.seqrelid)
),
named (seq_oid, table_oid, attnum, rule) AS (
    -- Every split of the name at an underscore into <table>_<column>_seq, each looked up by its names.
    SELECT u.seq_oid, t.oid, a.attnum, '<table>_<column>_seq'
    FROM unlinked AS u
    CROSS JOIN LATERAL pg_catalog.generate_series(2, pg_catalog.length(u.name) - 5) AS p (split)
    JOIN pg_catalog.pg_class AS t ON t.relname = pg_catalog.left(u.name, p.split - 1) AND t.relnamespace = u.schema_oid
                                  AND t.relkind IN ('r', 'p') AND NOT t.relispartition
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = t.oid
                                      AND a.attname = pg_catalog.substr(u.name, p.split + 1, pg_catalog.length(u.name) - p.split - 4)
                                      AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    LEFT JOIN domain_base AS db ON db.type_oid = a.atttypid
CROSS JOIN LATERAL (SELECT COALESCE(db.base_oid, a.atttypid), COALESCE(db.base_typmod, -1)) AS bt (base_oid, base_typmod)
    WHERE false
      AND u.name LIKE '%\_seq'
      AND pg_catalog.substr(u.name, p.split, 1) = '_'
      AND (bt.base_oid IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype, 'pg_catalog.int8'::pg_catalog.regtype)
 OR (bt.base_oid = 'pg_catalog.numeric'::pg_catalog.regtype
     AND CASE WHEN a.atttypmod >= 0 THEN a.atttypmod ELSE bt.base_typmod END >= 4
     AND ((CASE WHEN a.atttypmod >= 0 THEN a.atttypmod ELSE bt.base_typmod END - 4) & 65535) = 0))
      AND NOT EXISTS (SELECT 1 FROM declared AS d WHERE d.table_oid = t.oid AND d.attnum = a.attnum)
    UNION ALL
    SELECT u.seq_oid, t.oid, a.attnum, '<table>_seq'
    FROM unlinked AS u
    JOIN pg_catalog.pg_class AS t ON t.relname = pg_catalog.left(u.name, -4) AND t.relnamespace = u.schema_oid
                                  AND t.relkind IN ('r', 'p') AND NOT t.relispartition
    JOIN pg_catalog.pg_index AS i ON i.indrelid = t.oid AND i.indisprimary AND i.indnkeyatts = 1
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
    LEFT JOIN domain_base AS db ON db.type_oid = a.atttypid
CROSS JOIN LATERAL (SELECT COALESCE(db.base_oid, a.atttypid), COALESCE(db.base_typmod, -1)) AS bt (base_oid, base_typmod)
    WHERE false
      AND u.name LIKE '%\_seq'
      AND (bt.base_oid IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype, 'pg_catalog.int8'::pg_catalog.regtype)
 OR (bt.base_oid = 'pg_catalog.numeric'::pg_catalog.regtype
     AND CASE WHEN a.atttypmod >= 0 THEN a.atttypmod ELSE bt.base_typmod END >= 4
     AND ((CASE WHEN a.atttypmod >= 0 THEN a.atttypmod ELSE bt.base_typmod END - 4) & 65535) = 0))
      AND a.attidentity = '' AND NOT a.atthasdef
      AND NOT EXISTS (SELECT 1 FROM declared AS d WHERE d.table_oid = t.oid AND d.attnum = a.attnum)
),
candidate (seq_oid, table_oid, attnum, rule) AS (
    SELECT seq_oid, table_oid, attnum, rule FROM named
    UNION ALL
    -- The shared HiLo sequence takes only keys that no sequence feeds, by the catalog or by its name.
    SELECT u.seq_oid, t.oid, a.attnum, 'EntityFrameworkHiLoSequence'
    FROM unlinked AS u
    JOIN pg_catalog.pg_class AS t ON t.relnamespace = u.schema_oid AND t.relkind IN ('r', 'p') AND NOT t.relispartition
    JOIN pg_catalog.pg_index AS i ON i.indrelid = t.oid AND i.indisprimary AND i.indnkeyatts = 1
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
    LEFT JOIN domain_base AS db ON db.type_oid = a.atttypid
CROSS JOIN LATERAL (SELECT COALESCE(db.base_oid, a.atttypid), COALESCE(db.base_typmod, -1)) AS bt (base_oid, base_typmod)
    WHERE false
      AND u.name = 'EntityFrameworkHiLoSequence'
      AND (bt.base_oid IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype, 'pg_catalog.int8'::pg_catalog.regtype)
 OR (bt.base_oid = 'pg_catalog.numeric'::pg_catalog.regtype
     AND CASE WHEN a.atttypmod >= 0 THEN a.atttypmod ELSE bt.base_typmod END >= 4
     AND ((CASE WHEN a.atttypmod >= 0 THEN a.atttypmod ELSE bt.base_typmod END - 4) & 65535) = 0))
      AND a.attidentity = '' AND NOT a.atthasdef
      AND NOT EXISTS (SELECT 1 FROM declared AS d WHERE d.table_oid = t.oid AND d.attnum = a.attnum)
      AND NOT EXISTS (SELECT 1 FROM named AS n WHERE n.table_oid = t.oid AND n.attnum = a.attnum)
),
inferred (seq_oid, table_oid, attnum, rule, ambiguous) AS (
    SELECT c.seq_oid, c.table_oid, c.attnum, c.rule, c.rule <> 'EntityFrameworkHiLoSequence' AND pg_catalog.count(*) OVER (PARTITION BY c.seq_oid) > 1
    FROM candidate AS c
),
link (seq_oid, table_oid, attnum, owned, in_default, late_bound, explicit, from_value, inferred, rule, ambiguous) AS (
    SELECT seq_oid, table_oid, attnum, owned, in_default, late_bound, explicit, from_value, false, NULL::text, false FROM declared
    UNION ALL
    SELECT seq_oid, table_oid, attnum, false, false, false, false, rule = 'EntityFrameworkHiLoSequence', true, rule, ambiguous FROM inferred
),
covered (seq_oid, table_oid, attnum) AS (
    SELECT DISTINCT l.seq_oid, l.table_oid, l.attnum
    FROM ancestry AS an
    JOIN link AS l ON l.table_oid = an.child
    JOIN link AS pl ON pl.table_oid = an.ancestor AND pl.seq_oid = l.seq_oid
    JOIN pg_catalog.pg_attribute AS ca ON ca.attrelid = l.table_oid AND ca.attnum = l.attnum
    JOIN pg_catalog.pg_attribute AS pa ON pa.attrelid = pl.table_oid AND pa.attnum = pl.attnum
    WHERE ca.attname = pa.attname
),
feed (seq_oid, table_oid, table_relname, table_namespace, attnum, attname, atttypid, atttypmod, identity, owned, in_default,
      late_bound, explicit, inferred, rule, ambiguous, base_oid, default_expr, integral, measured, comparable, app_block,
      rls_hidden, rls_forced, table_unlogged) AS (
    SELECT l.seq_oid, l.table_oid, rt.relname, rt.relnamespace, l.attnum, a.attname, a.atttypid, a.atttypmod, a.attidentity,
           l.owned, l.in_default, l.late_bound, l.explicit, l.inferred, l.rule, l.ambiguous,
           bt.base_oid, d.expr, i.integral,
           i.integral AND (a.attidentity <> '' OR NOT l.in_default OR COALESCE(d.expr ~ '^(nextval\(''(?:[^'']|'''')+''::regclass\)|\(nextval\(''(?:[^'']|'''')+''::regclass\)\)::(smallint|integer|bigint)|nextval\(\(''(?:[^'']|'''')+''::text\)::regclass\))$', false)),
           NOT i.integral AND bt.base_oid IN ('pg_catalog.numeric'::pg_catalog.regtype, 'pg_catalog.float4'::pg_catalog.regtype, 'pg_catalog.float8'::pg_catalog.regtype),
           a.attidentity = '' AND NOT l.in_default AND NOT l.from_value,
           -- Row level security that applies to the role would hide rows from MAX (PostgreSQL's check_enable_rls).
           rt.relrowsecurity AND NOT (SELECT r.rolsuper OR r.rolbypassrls FROM pg_catalog.pg_roles AS r WHERE r.rolname = current_user)
             AND (rt.relforcerowsecurity OR NOT pg_catalog.pg_has_role(rt.relowner, 'USAGE')),
           rt.relforcerowsecurity,
           rt.relpersistence = 'u'
    FROM link AS l
    JOIN pg_catalog.pg_class AS rt ON rt.oid = l.table_oid
    JOIN pg_catalog.pg_attribute AS a ON a.attrelid = l.table_oid AND a.attnum = l.attnum AND NOT a.attisdropped
    LEFT JOIN domain_base AS db ON db.type_oid = a.atttypid
CROSS JOIN LATERAL (SELECT COALESCE(db.base_oid, a.atttypid), COALESCE(db.base_typmod, -1)) AS bt (base_oid, base_typmod)
    -- Only a default that mentions the sequence has a say in whether the column is measured.
    LEFT JOIN pg_catalog.pg_attrdef AS ad ON ad.adrelid = l.table_oid AND ad.adnum = l.attnum AND l.in_default
    CROSS JOIN LATERAL (SELECT pg_catalog.pg_get_expr(CASE WHEN a.attgenerated = '' THEN ad.adbin END, 0)) AS d (expr)
    CROSS JOIN LATERAL (SELECT (bt.base_oid IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype, 'pg_catalog.int8'::pg_catalog.regtype)
 OR (bt.base_oid = 'pg_catalog.numeric'::pg_catalog.regtype
     AND CASE WHEN a.atttypmod >= 0 THEN a.atttypmod ELSE bt.base_typmod END >= 4
     AND ((CASE WHEN a.atttypmod >= 0 THEN a.atttypmod ELSE bt.base_typmod END - 4) & 65535) = 0))) AS i (integral)
    WHERE NOT EXISTS (SELECT 1 FROM covered AS cv
                      WHERE cv.seq_oid = l.seq_oid AND cv.table_oid = l.table_oid AND cv.attnum = l.attnum)
)
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
           AND pg_catalog.bool_or((wanted IS NULL OR f.table_oid = ANY (wanted)) AND (EXISTS (SELECT 1 FROM pg_catalog.unnest(ARRAY['^public$', '^billing.*$']::text[]) AS p (n) WHERE fn.nspname ~ p.n) AND NOT EXISTS (SELECT 1 FROM ROWS FROM (pg_catalog.unnest(ARRAY['^public$']::text[]), pg_catalog.unnest(ARRAY['^audit_.*$']::text[])) AS p (s, n) WHERE (p.s IS NULL OR fn.nspname ~ p.s) AND f.table_relname ~ p.n)))
        ORDER BY f.seq_oid::pg_catalog.regclass::text
    LOOP
        IF g.hidden IS NOT NULL THEN
            RAISE EXCEPTION 'pgseq: row level security on % hides rows from role %, so MAX would come from part of the data; run the migration as a role with BYPASSRLS, a superuser, or the owner of a table that does not FORCE ROW LEVEL SECURITY',
                g.hidden, current_user;
        END IF;
        EXECUTE pg_catalog.format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', g.tables);
        EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY %s', g.seq, g.inc);
        EXECUTE pg_catalog.format('SELECT last_value, is_called FROM %s', g.seq) INTO seq_last_value, seq_is_called;
        -- The class is that of the next value, which last_value shares whether or not it was called.
        modulus := pg_catalog.abs(g.inc);
        residue := pg_catalog.mod(pg_catalog.mod(seq_last_value::numeric, modulus) + modulus, modulus);
        probes := NULL;
        FOR i IN 1 .. pg_catalog.array_length(g.columns, 1) LOOP
            probes := pg_catalog.concat_ws(' UNION ALL ', probes, pg_catalog.format(
                CASE WHEN g.lattice THEN 'SELECT pg_catalog.%s(%I)::int8 FROM %s WHERE %I BETWEEN %s AND %s AND %I %% %s IN (%s, %s)' ELSE 'SELECT pg_catalog.%s(%I)::int8 FROM %s' END,
                g.aggregate, g.columns[i], g.relations[i], g.columns[i], g.min_value, g.max_value,
                g.columns[i], modulus, residue, residue - modulus));
        END LOOP;
        EXECUTE pg_catalog.format('SELECT pg_catalog.%s(v) FROM (%s) AS x (v)', g.aggregate, probes) INTO extreme;
        current_next := CASE WHEN seq_is_called THEN seq_last_value::numeric + g.inc ELSE seq_last_value END;
        required := extreme::numeric + CASE WHEN g.app THEN g.inc ELSE pg_catalog.sign(g.inc) END;
        IF (CASE WHEN g.inc > 0 THEN current_next < required ELSE current_next > required END) THEN
            goal := extreme + g.inc * 11;
            PERFORM CASE WHEN goal - g.inc BETWEEN g.min_value AND g.max_value THEN pg_catalog.setval(g.seq, (goal - g.inc)::int8, true) ELSE pg_catalog.setval(g.seq, goal::int8, false) END;
            RAISE NOTICE 'pgseq: % next value % -> %', g.seq, current_next, goal;
        END IF;
    END LOOP;
    PERFORM pg_catalog.set_config('row_security', previous_row_security, true);
END
$pgseq$;
