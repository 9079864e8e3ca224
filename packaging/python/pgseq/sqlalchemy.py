"""The repair step on a SQLAlchemy Connection (in the caller's transaction) or Engine (in a transaction of its own).

    from pgseq.sqlalchemy import repair_sequences

    with engine.begin() as connection:
        connection.execute(insert(Loan), rows_with_their_old_ids)
        repair_sequences(connection)
"""
from . import repair_block


def repair_sequences(connectable, **options):
    """Runs the repair block (``pgseq.repair_block(**options)``) on a Connection, or on an Engine in a new
    transaction that commits when the block succeeds."""
    from sqlalchemy.engine import Engine

    sql = repair_block(**options)
    if isinstance(connectable, Engine):
        with connectable.begin() as connection:
            connection.exec_driver_sql(sql, execution_options={"no_parameters": True})
    else:
        connectable.exec_driver_sql(sql, execution_options={"no_parameters": True})
