#!/usr/bin/python3
# Alembic 1.8 driver for pgseq's ORM tests: the migration environment in tests/orm/alembic/ (no alembic.ini;
# the Config is built here). Proves: a schema made by migrations (revision 0001, op.create_table with
# sa.Sequence, sequences created by hand) has the same shape as create_all -- no column default, no OWNED BY --
# and a data migration (revision 0002) that bulk-inserts explicit ids leaves the sequence behind, unless the
# repair SQL given to it (a pgseq DO block) runs at its end, inside the migration's transaction.
#
# Usage: /usr/bin/python3 alembic_driver.py URL STEP [ARG]
#   schema               alembic upgrade 0001
#   import [SQLFILE]     alembic upgrade 0002: loans 1..28, installments 1..64 with explicit ids, then the SQL
#                        in SQLFILE (or $PGSEQ_REPAIR_SQL_FILE) via op.execute; $PGSEQ_REPAIR_SQL_MODE=driver
#                        sends it with exec_driver_sql instead (see versions/0002_import_loans.py)
#   insert [TABLE]       one ORM insert with the incident's model (sqlalchemy_driver.py's Loan/Installment)
# Exit: 0 ok; 3 duplicate key (stderr: exception/cause/sqlstate/message/detail lines); 2 usage; 1 other error
# (an error in the repair SQL makes the whole upgrade roll back: exit 1, alembic_version stays at 0001).
import sys

sys.dont_write_bytecode = True  # the test runs the drivers from the source tree: leave no __pycache__ there

import os

from alembic import command
from alembic.config import Config

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sqlalchemy_driver  # noqa: E402


def config(url):
    cfg = Config()
    cfg.set_main_option("script_location", os.path.join(HERE, "alembic"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def main(argv):
    if len(argv) < 3 or argv[2] not in ("schema", "import", "insert"):
        print("usage: alembic_driver.py URL schema | import [SQLFILE] | insert [loans|installments]",
              file=sys.stderr)
        return 2
    url, step = argv[1], argv[2]
    if step == "insert":
        return sqlalchemy_driver.main(argv)
    if step == "import" and len(argv) > 3:
        os.environ["PGSEQ_REPAIR_SQL_FILE"] = os.path.abspath(argv[3])
    command.upgrade(config(url), "0001" if step == "schema" else "0002")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
