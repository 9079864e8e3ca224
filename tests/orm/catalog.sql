-- What an ORM's schema step left in the catalog, for the tables the drivers make (loans, installments):
-- each id column's type, default (pg_attrdef) and identity; each sequence's type, start, increment, cache
-- (pg_sequence), its owning column (pg_depend deptype 'a' = OWNED BY, 'i' = identity) and which column
-- defaults refer to it (pg_depend deptype 'n' from pg_attrdef).  psql -X -f catalog.sql URL
SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
       pg_get_expr(d.adbin, d.adrelid) AS "default", nullif(a.attidentity, '') AS identity,
       pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS serial_sequence
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE c.relname IN ('loans', 'installments') AND a.attname IN ('id', 'loan_id') AND NOT a.attisdropped
ORDER BY 1, 2;

SELECT s.seqrelid::regclass AS sequence, format_type(s.seqtypid, NULL) AS type, s.seqstart AS start,
       s.seqincrement AS increment, s.seqcache AS cache,
       (SELECT string_agg(format('%s.%s (%s)', dc.relname, da.attname, dep.deptype), ', ')
          FROM pg_depend dep JOIN pg_class dc ON dc.oid = dep.refobjid
          JOIN pg_attribute da ON da.attrelid = dep.refobjid AND da.attnum = dep.refobjsubid
         WHERE dep.classid = 'pg_class'::regclass AND dep.objid = s.seqrelid
           AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')) AS owned_by,
       (SELECT string_agg(format('%s.%s', dc.relname, da.attname), ', ')
          FROM pg_depend dep JOIN pg_attrdef ad ON dep.classid = 'pg_attrdef'::regclass AND ad.oid = dep.objid
          JOIN pg_class dc ON dc.oid = ad.adrelid
          JOIN pg_attribute da ON da.attrelid = ad.adrelid AND da.attnum = ad.adnum
         WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = s.seqrelid) AS used_by_default
FROM pg_sequence s
ORDER BY s.seqrelid::regclass::text;

SELECT schemaname || '.' || sequencename AS sequence, last_value, increment_by FROM pg_sequences ORDER BY 1;
