-- The mikrokredit schema as the incident found it: the id sequences were created apart with CREATE SEQUENCE
-- and are used through DEFAULT nextval(...), so no column owns them and pg_get_serial_sequence() returns NULL.
CREATE SEQUENCE loans_id_seq;
CREATE SEQUENCE installments_id_seq;

CREATE TABLE loans (
    id              integer PRIMARY KEY DEFAULT nextval('loans_id_seq'),
    website         text    NOT NULL,
    loan_date       date    NOT NULL,
    amount_borrowed numeric(12, 2) NOT NULL,
    amount_due      numeric(12, 2) NOT NULL,
    due_date        date    NOT NULL,
    is_paid         boolean NOT NULL DEFAULT false,
    notes           text
);

CREATE TABLE installments (
    id        integer PRIMARY KEY DEFAULT nextval('installments_id_seq'),
    loan_id   integer NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
    due_date  date    NOT NULL,
    amount    numeric(12, 2) NOT NULL,
    paid      boolean NOT NULL DEFAULT false,
    paid_date date
);

CREATE INDEX installments_loan_id_idx ON installments (loan_id);
