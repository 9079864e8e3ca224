"""Revision 0001: the incident's loans table as its SQLAlchemy model declares it (tests/orm/sqlalchemy_driver.py):
the sequence made apart, the id column without a default, as op.create_table() leaves it."""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sa.schema.CreateSequence(sa.Sequence("loans_id_seq")))
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


def downgrade():
    op.drop_table("loans")
    op.execute(sa.schema.DropSequence(sa.Sequence("loans_id_seq")))
