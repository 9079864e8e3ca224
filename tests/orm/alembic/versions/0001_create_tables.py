"""Revision 0001: the mikrokredit tables as SQLAlchemy's incident model declares them.

Proves: op.create_table() emits only CREATE TABLE (+ indexes) and never CREATE SEQUENCE for a Column's
sa.Sequence (metadata.create_all does), so a migration has to create the sequences itself; the id columns
get no DEFAULT and the sequences no OWNED BY, just as with create_all.
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sa.schema.CreateSequence(sa.Sequence("loans_id_seq")))
    op.execute(sa.schema.CreateSequence(sa.Sequence("installments_id_seq")))
    op.create_table(
        "loans",
        sa.Column("id", sa.Integer, sa.Sequence("loans_id_seq"), primary_key=True),
        sa.Column("website", sa.Text, nullable=False),
        sa.Column("loan_date", sa.Date, nullable=False),
        sa.Column("amount_borrowed", sa.Numeric(12, 2), nullable=False),
        sa.Column("amount_due", sa.Numeric(12, 2), nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("is_paid", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("notes", sa.Text),
    )
    op.create_table(
        "installments",
        sa.Column("id", sa.Integer, sa.Sequence("installments_id_seq"), primary_key=True),
        sa.Column("loan_id", sa.Integer, sa.ForeignKey("loans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("amount", sa.Numeric(12, 2), nullable=False),
        sa.Column("paid", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("paid_date", sa.Date),
    )
    op.create_index("installments_loan_id_idx", "installments", ["loan_id"])


def downgrade():
    op.drop_table("installments")
    op.drop_table("loans")
    op.execute(sa.schema.DropSequence(sa.Sequence("installments_id_seq")))
    op.execute(sa.schema.DropSequence(sa.Sequence("loans_id_seq")))
