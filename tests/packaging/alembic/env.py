# The Alembic environment of an application that installed the pgseq wheel (PythonWheelTests): alembic.ini,
# which the test writes, names this folder and the database. Each upgrade runs in one transaction.
from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config


def run_migrations_online():
    engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                poolclass=pool.NullPool, future=True)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("this project runs online only: its import renders dates that SQLAlchemy 1.4 cannot write as literals")
run_migrations_online()
