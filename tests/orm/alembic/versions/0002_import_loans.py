"""Revision 0002: a data migration that copies the 28 loans (and their 64 installments) in with their old ids.

bulk_insert with explicit ids never calls nextval(), so the sequences stay behind MAX(id) -- the incident.
When $PGSEQ_REPAIR_SQL_FILE names a file, its SQL (e.g. the repair DO block pgseq prints) runs at the end,
inside this migration's transaction, the way a migration would op.execute() it. How it is sent is chosen
by $PGSEQ_REPAIR_SQL_MODE:
  text    (default) op.execute(sql): Alembic wraps a string in sqlalchemy.text(), so a colon followed by a
          word and not preceded by a word character or colon is a bind parameter -- '(?:smallint' in a regex
          fails with "A value is required for bind parameter 'smallint'" (Alembic's docs: escape it as '\\:');
          '::regclass', ':=' and '12:30' are left alone; '%' is fine (doubled, then undone by psycopg2)
  driver  op.get_bind().exec_driver_sql(sql, execution_options={"no_parameters": True}): psycopg2 gets the
          SQL as it is via cursor.execute(sql); without no_parameters SQLAlchemy passes an empty dict and
          psycopg2 applies %-formatting, so a '%' fails with "TypeError: dict is not a sequence"
"""
import datetime
import os
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

START = datetime.date(2025, 1, 1)


def upgrade():
    loans = sa.table("loans", sa.column("id", sa.Integer), sa.column("website", sa.Text),
                     sa.column("loan_date", sa.Date), sa.column("amount_borrowed", sa.Numeric),
                     sa.column("amount_due", sa.Numeric), sa.column("due_date", sa.Date),
                     sa.column("is_paid", sa.Boolean), sa.column("notes", sa.Text))
    installments = sa.table("installments", sa.column("id", sa.Integer), sa.column("loan_id", sa.Integer),
                            sa.column("due_date", sa.Date), sa.column("amount", sa.Numeric),
                            sa.column("paid", sa.Boolean))
    loan_rows, installment_rows = [], []
    for n in range(1, 29):
        borrowed = Decimal(1000 + n * 250)
        due = borrowed * Decimal("1.2")
        loan_date = START + datetime.timedelta(days=7 * n)
        loan_rows.append(dict(id=n, website=f"lender-{n % 7 + 1}.example", loan_date=loan_date,
                              amount_borrowed=borrowed, amount_due=due,
                              due_date=loan_date + datetime.timedelta(days=90), is_paid=n <= 10,
                              notes="renegotiated" if n % 5 == 0 else None))
        parts = 3 if n <= 8 else 2
        for k in range(1, parts + 1):
            installment_rows.append(dict(id=len(installment_rows) + 1, loan_id=n,
                                         due_date=loan_date + datetime.timedelta(days=30 * k),
                                         amount=round(due / parts, 2), paid=n <= 10))
    op.bulk_insert(loans, loan_rows)
    op.bulk_insert(installments, installment_rows)

    path = os.environ.get("PGSEQ_REPAIR_SQL_FILE")
    if path:
        with open(path, encoding="utf-8") as f:
            sql = f.read()
        if os.environ.get("PGSEQ_REPAIR_SQL_MODE", "text") == "driver":
            op.get_bind().exec_driver_sql(sql, execution_options={"no_parameters": True})
        else:
            op.execute(sql)


def downgrade():
    op.execute("DELETE FROM installments")
    op.execute("DELETE FROM loans")
