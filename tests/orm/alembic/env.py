# Alembic environment for pgseq's ORM tests (online mode only). alembic_driver.py builds the Config in code,
# so there is no alembic.ini: script_location is this folder and sqlalchemy.url comes from the driver.
# Each upgrade runs in one transaction (PostgreSQL has transactional DDL), the repair block of revision 0002 too.
from alembic import context
from sqlalchemy import create_engine

config = context.config


def run_migrations_online():
    engine = create_engine(config.get_main_option("sqlalchemy.url"), future=True)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=None, transaction_per_migration=False)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("pgseq's ORM tests run Alembic online only")
run_migrations_online()
