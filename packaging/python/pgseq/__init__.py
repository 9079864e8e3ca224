"""pgseq: find and repair PostgreSQL sequence drift.

This package installs the native ``pgseq`` command on the environment's PATH and runs its repair block, the SQL
``DO`` block of ``pgseq repair-block`` (the rules of ``pgseq fix``), where an application changes its data:

    from pgseq.alembic import repair_sequences      # in an Alembic migration: repair_sequences(op)
    from pgseq.sqlalchemy import repair_sequences   # on a SQLAlchemy Connection or Engine
    from pgseq.dbapi import repair_sequences        # on a psycopg2, psycopg or other DB-API connection

Each takes the options of ``pgseq repair-block``: ``schemas``, ``tables``, ``exclude_schemas``, ``exclude_tables``
(psql-style patterns), ``links`` (``SEQUENCE=TABLE.COLUMN``), ``links_file``, ``infer_links`` and ``margin``.
"""
from ._command import PgSeqError, executable, repair_block
from ._version import __version__

__all__ = ["PgSeqError", "executable", "repair_block", "__version__"]
