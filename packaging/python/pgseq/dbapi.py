"""The repair step on a DB-API connection (psycopg2, psycopg 3, pg8000), in the caller's transaction.

    import psycopg2
    from pgseq.dbapi import repair_sequences

    with psycopg2.connect(dsn) as connection:     # commits when the block ends without an error
        repair_sequences(connection)
"""
from . import repair_block


def repair_sequences(connection, **options):
    """Runs the repair block (``pgseq.repair_block(**options)``) on the connection; the caller commits."""
    sql = repair_block(**options)
    cursor = connection.cursor()
    try:
        # Without parameters the drivers send the SQL as it is: no percent sign in the block is taken for one.
        cursor.execute(sql)
    finally:
        cursor.close()
