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
    FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.oid[]), pg_catalog.unnest($2::pg_catalog.oid[]), pg_catalog.unnest($3::pg_catalog.int2[]),
                    pg_catalog.unnest($4::pg_catalog.bool[]))
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
    WHERE $5::pg_catalog.bool
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
    WHERE $5::pg_catalog.bool
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
    WHERE $5::pg_catalog.bool
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
),
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
