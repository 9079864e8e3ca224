-- The import that caused the incident: 28 loans and 64 installments copied from the old database with their ids,
-- while the sequences stayed where they were: loans_id_seq about to hand out 2, installments_id_seq never used.
INSERT INTO loans (id, website, loan_date, amount_borrowed, amount_due, due_date, is_paid, notes)
SELECT n,
       'lender-' || (n % 7 + 1) || '.example',
       date '2025-01-01' + n * 7,
       1000 + n * 250,
       (1000 + n * 250) * 1.2,
       date '2025-01-01' + n * 7 + 90,
       n <= 10,
       CASE WHEN n % 5 = 0 THEN 'renegotiated' END
FROM generate_series(1, 28) AS n;

-- Loans 1..8 were repaid in three installments, loans 9..28 in two: 8 * 3 + 20 * 2 = 64.
INSERT INTO installments (id, loan_id, due_date, amount, paid, paid_date)
SELECT row_number() OVER (ORDER BY l.id, k),
       l.id,
       l.loan_date + 30 * k,
       round(l.amount_due / parts, 2),
       l.is_paid,
       CASE WHEN l.is_paid THEN l.loan_date + 30 * k END
FROM loans AS l
CROSS JOIN LATERAL (SELECT CASE WHEN l.id <= 8 THEN 3 ELSE 2 END) AS p (parts)
CROSS JOIN LATERAL generate_series(1, p.parts) AS k;

-- Where the incident found loans_id_seq: last_value 2 with is_called false, so nextval() returns 2 itself.
SELECT setval('loans_id_seq', 2, false);
