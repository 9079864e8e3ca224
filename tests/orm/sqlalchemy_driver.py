#!/usr/bin/python3
# SQLAlchemy 1.4 + psycopg2 driver for pgseq's ORM tests, with the incident's model:
#   id = Column(Integer, Sequence('loans_id_seq'), primary_key=True, autoincrement=True)
# Proves: create_all makes the sequence itself but gives the id column NO default and the sequence NO owner
# (SQLAlchemy calls nextval('loans_id_seq') in its own INSERT), so rows imported with explicit ids leave the
# sequence behind and the next ORM insert fails with a duplicate key, exactly as in the incident.
#
# Usage: /usr/bin/python3 sqlalchemy_driver.py URL STEP [TABLE]
#   URL   postgresql://postgres@127.0.0.1:PORT/db
#   STEP  schema  metadata.create_all (sequences + tables)
#         import  loans 1..28 and installments 1..64 with explicit ids (the sequences are not touched)
#         insert  one ORM insert into TABLE (loans, the default, or installments); prints the new id
# Exit: 0 ok; 3 duplicate key (stderr: exception/cause/sqlstate/message/detail lines); 2 usage; 1 other error.
# PGSEQ_ORM_ECHO=1 logs the SQL that SQLAlchemy sends to stderr.
import sys

sys.dont_write_bytecode = True  # the test runs the drivers from the source tree: leave no __pycache__ there

import datetime
import os
from decimal import Decimal

from sqlalchemy import (Boolean, Column, Date, ForeignKey, Integer, Numeric, Sequence, Text, create_engine,
                        exc, func, select)
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Loan(Base):
    __tablename__ = "loans"
    id = Column(Integer, Sequence("loans_id_seq"), primary_key=True, autoincrement=True)
    website = Column(Text, nullable=False)
    loan_date = Column(Date, nullable=False)
    amount_borrowed = Column(Numeric(12, 2), nullable=False)
    amount_due = Column(Numeric(12, 2), nullable=False)
    due_date = Column(Date, nullable=False)
    is_paid = Column(Boolean, nullable=False, default=False)
    notes = Column(Text)
    installments = relationship("Installment", back_populates="loan", cascade="all, delete-orphan")


class Installment(Base):
    __tablename__ = "installments"
    id = Column(Integer, Sequence("installments_id_seq"), primary_key=True, autoincrement=True)
    loan_id = Column(Integer, ForeignKey("loans.id", ondelete="CASCADE"), nullable=False, index=True)
    due_date = Column(Date, nullable=False)
    amount = Column(Numeric(12, 2), nullable=False)
    paid = Column(Boolean, nullable=False, default=False)
    paid_date = Column(Date)
    loan = relationship("Loan", back_populates="installments")


START = datetime.date(2025, 1, 1)


def loan_values(n):
    """The demo import's loan n (demo/mikrokredit-import.sql)."""
    borrowed = Decimal(1000 + n * 250)
    return dict(website=f"lender-{n % 7 + 1}.example", loan_date=START + datetime.timedelta(days=7 * n),
                amount_borrowed=borrowed, amount_due=borrowed * Decimal("1.2"),
                due_date=START + datetime.timedelta(days=7 * n + 90), is_paid=n <= 10,
                notes="renegotiated" if n % 5 == 0 else None)


def report_duplicate(e):
    orig = getattr(e, "orig", None)
    diag = getattr(orig, "diag", None)
    print(f"exception: {type(e).__module__}.{type(e).__qualname__}", file=sys.stderr)
    if orig is not None:
        print(f"cause: {type(orig).__module__}.{type(orig).__qualname__}", file=sys.stderr)
    print(f"sqlstate: {getattr(orig, 'pgcode', '')}", file=sys.stderr)
    print(f"message: {getattr(diag, 'message_primary', str(e))}", file=sys.stderr)
    print(f"detail: {getattr(diag, 'message_detail', '')}", file=sys.stderr)


def main(argv):
    if len(argv) < 3 or argv[2] not in ("schema", "import", "insert"):
        print("usage: sqlalchemy_driver.py URL schema|import|insert [loans|installments]", file=sys.stderr)
        return 2
    url, step = argv[1], argv[2]
    table = argv[3] if len(argv) > 3 else "loans"
    engine = create_engine(url, echo=os.environ.get("PGSEQ_ORM_ECHO") == "1", future=True)
    try:
        if step == "schema":
            Base.metadata.create_all(engine)
        elif step == "import":
            with Session(engine) as s, s.begin():
                s.add_all(Loan(id=n, **loan_values(n)) for n in range(1, 29))
                s.flush()
                # Loans 1..8 in three installments, 9..28 in two: 64 installments, ids 1..64.
                iid = 0
                for n in range(1, 29):
                    parts = 3 if n <= 8 else 2
                    due = loan_values(n)
                    for k in range(1, parts + 1):
                        iid += 1
                        s.add(Installment(id=iid, loan_id=n,
                                          due_date=due["loan_date"] + datetime.timedelta(days=30 * k),
                                          amount=round(due["amount_due"] / parts, 2), paid=due["is_paid"]))
        else:
            with Session(engine) as s, s.begin():
                if table == "installments":
                    row = Installment(loan_id=s.execute(select(func.min(Loan.id))).scalar_one(),
                                      due_date=datetime.date(2025, 10, 9), amount=Decimal("100.00"))
                else:
                    row = Loan(**loan_values(29))
                s.add(row)
                s.flush()
                new_id = row.id
            print(new_id)
    except exc.IntegrityError as e:
        if getattr(e.orig, "pgcode", None) == "23505":
            report_duplicate(e)
            return 3
        raise
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
