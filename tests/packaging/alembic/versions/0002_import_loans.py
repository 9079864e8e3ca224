"""Revision 0002: the incident's import, loans 1..28 with their old ids, then pgseq's repair in the same migration.

bulk_insert with explicit ids never calls nextval(), so loans_id_seq stays at 1; repair_sequences(op) runs the
repair block of the pgseq wheel's executable, which moves it past MAX(id) inside this migration's transaction.
"""
import datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op
from pgseq.alembic import repair_sequences

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    loans = sa.table("loans", sa.column("id", sa.Integer), sa.column("website", sa.Text),
                     sa.column("loan_date", sa.Date), sa.column("amount_borrowed", sa.Numeric),
                     sa.column("amount_due", sa.Numeric), sa.column("due_date", sa.Date),
                     sa.column("is_paid", sa.Boolean))
    start = datetime.date(2025, 1, 1)
    op.bulk_insert(loans, [
        dict(id=n, website=f"lender-{n % 7 + 1}.example", loan_date=start + datetime.timedelta(days=7 * n),
             amount_borrowed=Decimal(1000 + n * 250), amount_due=Decimal(1000 + n * 250) * Decimal("1.2"),
             due_date=start + datetime.timedelta(days=7 * n + 90), is_paid=n <= 10)
        for n in range(1, 29)
    ])
    repair_sequences(op, tables=["public.loans"])


def downgrade():
    op.execute("DELETE FROM loans")
