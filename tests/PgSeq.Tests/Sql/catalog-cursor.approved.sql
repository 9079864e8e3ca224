DECLARE pgseq_catalog NO SCROLL CURSOR WITH HOLD FOR
SELECT c.*, pg_catalog.count(*) FILTER (WHERE c.first_row AND c.in_scope) OVER () AS sequences_in_scope
FROM (SELECT q.*, pg_catalog.row_number() OVER s = 1 AS first_row,
             CASE WHEN pg_catalog.bool_or(q.has_column AND NOT q.ambiguous) OVER s
                  THEN pg_catalog.bool_or(q.has_column AND NOT q.ambiguous AND (EXISTS (SELECT 1 FROM pg_catalog.unnest(ARRAY['^public$', '^bill.*$']::text[]) AS p (n) WHERE q.table_schema ~ p.n) AND NOT EXISTS (SELECT 1 FROM ROWS FROM (pg_catalog.unnest(ARRAY['^.*$']::text[]), pg_catalog.unnest(ARRAY['^archive.*$']::text[])) AS p (s, n) WHERE (p.s IS NULL OR q.table_schema ~ p.s) AND q.table_relname ~ p.n))) OVER s
                  ELSE (true AND EXISTS (SELECT 1 FROM pg_catalog.unnest(ARRAY['^public$', '^bill.*$']::text[]) AS p (n) WHERE q.seq_schema ~ p.n)) END AS in_scope
      FROM (<catalog.approved.sql>) AS q
      WINDOW s AS (PARTITION BY q.seq_name COLLATE "C", q.seq_oid)) AS c
ORDER BY c.seq_name COLLATE "C", c.seq_oid
