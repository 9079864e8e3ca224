# The mikrokredit model in Django 3.2. AutoField (DEFAULT_AUTO_FIELD) is 'serial' on PostgreSQL: integer
# column, DEFAULT nextval('loans_id_seq'::regclass), sequence OWNED BY loans.id.
from django.db import models


class Loan(models.Model):
    website = models.TextField()
    loan_date = models.DateField()
    amount_borrowed = models.DecimalField(max_digits=12, decimal_places=2)
    amount_due = models.DecimalField(max_digits=12, decimal_places=2)
    due_date = models.DateField()
    is_paid = models.BooleanField(default=False)
    notes = models.TextField(null=True)

    class Meta:
        db_table = "loans"


class Installment(models.Model):
    loan = models.ForeignKey(Loan, on_delete=models.CASCADE)
    due_date = models.DateField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    paid = models.BooleanField(default=False)
    paid_date = models.DateField(null=True)

    class Meta:
        db_table = "installments"
