"""The repair step for Alembic migrations.

    from alembic import op
    from pgseq.alembic import repair_sequences

    def upgrade():
        op.bulk_insert(loans, rows_with_their_old_ids)
        repair_sequences(op)                      # or repair_sequences(op, tables=["public.loans"])

The block runs in the migration's transaction, after the data it repairs for; with ``alembic upgrade --sql`` it is
written into the script instead.
"""
from . import repair_block


def repair_sequences(op, **options):
    """Runs the repair block (``pgseq.repair_block(**options)``) through the migration's connection."""
    sql = repair_block(**options)
    if op.get_context().as_sql:
        op.execute(sql)
    else:
        # As the driver gets it: no bind parameters are looked for, so no colon or percent sign in the block is
        # taken for one.
        op.get_bind().exec_driver_sql(sql, execution_options={"no_parameters": True})
