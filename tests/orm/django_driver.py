#!/usr/bin/python3
# Django 3.2 + psycopg2 driver for pgseq's ORM tests: the standalone app in tests/orm/django/loans/ (settings
# via settings.configure here). Proves: `migrate` makes AutoField a serial column (DEFAULT nextval, sequence
# OWNED BY the column), bulk_create with explicit ids leaves the sequence behind, and the next
# Model.objects.create() fails with django.db.utils.IntegrityError (cause psycopg2.errors.UniqueViolation).
#
# Usage: /usr/bin/python3 django_driver.py URL STEP [TABLE]
#   URL   postgresql://postgres@127.0.0.1:PORT/db
#   STEP  schema  manage.py migrate (the committed migration loans/migrations/0001_initial.py)
#         import  loans 1..28 and installments 1..64 with explicit ids (bulk_create; the sequences untouched)
#         insert  one Model.objects.create() into TABLE (loans, the default, or installments); prints the id
# Exit: 0 ok; 3 duplicate key (stderr: exception/cause/sqlstate/message/detail lines); 2 usage; 1 other error.
import sys

sys.dont_write_bytecode = True  # the test runs the drivers from the source tree: leave no __pycache__ there

import datetime
import os
from decimal import Decimal
from urllib.parse import unquote, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))


def setup(url):
    import django
    from django.conf import settings
    u = urlsplit(url)
    sys.path.insert(0, os.path.join(HERE, "django"))
    settings.configure(
        DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": unquote(u.path.lstrip("/")),
                               "USER": unquote(u.username or ""), "PASSWORD": unquote(u.password or ""),
                               "HOST": u.hostname or "", "PORT": str(u.port or "")}},
        INSTALLED_APPS=["loans.apps.LoansConfig"], DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        USE_TZ=True, TIME_ZONE="UTC")
    django.setup()


START = datetime.date(2025, 1, 1)


def loan_values(n):
    borrowed = Decimal(1000 + n * 250)
    return dict(website=f"lender-{n % 7 + 1}.example", loan_date=START + datetime.timedelta(days=7 * n),
                amount_borrowed=borrowed, amount_due=borrowed * Decimal("1.2"),
                due_date=START + datetime.timedelta(days=7 * n + 90), is_paid=n <= 10,
                notes="renegotiated" if n % 5 == 0 else None)


def main(argv):
    if len(argv) < 3 or argv[2] not in ("schema", "import", "insert"):
        print("usage: django_driver.py URL schema|import|insert [loans|installments]", file=sys.stderr)
        return 2
    url, step = argv[1], argv[2]
    table = argv[3] if len(argv) > 3 else "loans"
    setup(url)
    from django.core.management import call_command
    from django.db import IntegrityError, transaction
    from loans.models import Installment, Loan
    try:
        if step == "schema":
            call_command("migrate", "loans", verbosity=0, interactive=False)
        elif step == "import":
            with transaction.atomic():
                Loan.objects.bulk_create(Loan(id=n, **loan_values(n)) for n in range(1, 29))
                rows = []
                for n in range(1, 29):
                    v, parts = loan_values(n), (3 if n <= 8 else 2)
                    for k in range(1, parts + 1):
                        rows.append(Installment(id=len(rows) + 1, loan_id=n, paid=v["is_paid"],
                                                due_date=v["loan_date"] + datetime.timedelta(days=30 * k),
                                                amount=round(v["amount_due"] / parts, 2)))
                Installment.objects.bulk_create(rows)
        else:
            if table == "installments":
                row = Installment.objects.create(loan_id=Loan.objects.order_by("id").values_list("id", flat=True)[0],
                                                 due_date=datetime.date(2025, 10, 9), amount=Decimal("100.00"))
            else:
                row = Loan.objects.create(**loan_values(29))
            print(row.id)
    except IntegrityError as e:
        orig = e.__cause__
        if getattr(orig, "pgcode", None) != "23505":
            raise
        diag = getattr(orig, "diag", None)
        print(f"exception: {type(e).__module__}.{type(e).__qualname__}", file=sys.stderr)
        print(f"cause: {type(orig).__module__}.{type(orig).__qualname__}", file=sys.stderr)
        print(f"sqlstate: {orig.pgcode}", file=sys.stderr)
        print(f"message: {getattr(diag, 'message_primary', str(e))}", file=sys.stderr)
        print(f"detail: {getattr(diag, 'message_detail', '')}", file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
