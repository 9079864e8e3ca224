BEGIN;
LOCK TABLE public.archived_loans, public.loans IN SHARE ROW EXCLUSIVE MODE;
ALTER SEQUENCE public.loans_id_seq SET LOGGED;
SELECT s.last_value, s.is_called, x.extreme, moved.value, moved.is_called,
       pg_catalog.clock_timestamp() - pg_catalog.statement_timestamp() AS locked_for
FROM public.loans_id_seq AS s
CROSS JOIN (SELECT pg_catalog.max(c.v) FROM (
        SELECT pg_catalog.max(id)::int8 FROM public.loans WHERE id BETWEEN 1 AND 9223372036854775807 AND id % 10 IN (3, -7)
        UNION ALL SELECT pg_catalog.max(id)::int8 FROM public.archived_loans WHERE id BETWEEN 1 AND 9223372036854775807 AND id % 10 IN (3, -7)) AS c (v)) AS x (extreme)
CROSS JOIN LATERAL (SELECT CASE WHEN s.is_called THEN s.last_value::numeric + 1 ELSE s.last_value END,
                           x.extreme::numeric + 1, x.extreme::numeric + CASE WHEN false THEN 1 ELSE pg_catalog.sign(1) END) AS pos (next_value, goal, required)
LEFT JOIN LATERAL (
    SELECT CASE WHEN pos.goal - 1 BETWEEN 1 AND 9223372036854775807 THEN pg_catalog.setval('public.loans_id_seq', (pos.goal - 1)::int8, true) ELSE pg_catalog.setval('public.loans_id_seq', pos.goal::int8, false) END,
           pos.goal - 1 BETWEEN 1 AND 9223372036854775807
    WHERE (CASE WHEN 1 > 0 THEN pos.next_value < pos.required ELSE pos.next_value > pos.required END)
                  AND pos.next_value BETWEEN 1 AND 9223372036854775807 AND pos.next_value % 10 IN (3, -7)) AS moved (value, is_called) ON true;
COMMIT;
