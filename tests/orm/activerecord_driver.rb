#!/usr/bin/ruby
# ActiveRecord 6.1 + pg driver for pgseq's ORM tests. Proves: ActiveRecord::Schema.define's create_table gives
# the id a bigserial primary key (bigint, DEFAULT nextval('loans_id_seq'), sequence OWNED BY loans.id),
# insert_all with explicit ids leaves the sequence behind, and the next Model.create! fails with
# ActiveRecord::RecordNotUnique (cause PG::UniqueViolation).
#
# Usage: /usr/bin/ruby activerecord_driver.rb URL STEP [TABLE]
#   URL   postgresql://postgres@127.0.0.1:PORT/db
#   STEP  schema  ActiveRecord::Schema.define { create_table :loans ...; create_table :installments ... }
#         import  loans 1..28 and installments 1..64 with explicit ids (insert_all; the sequences untouched)
#         insert  one Model.create! into TABLE (loans, the default, or installments); prints the new id
# Exit: 0 ok; 3 duplicate key (stderr: exception/cause/sqlstate/message/detail lines); 2 usage; 1 other error.
require "active_record"
require "bigdecimal"
require "date"

class Loan < ActiveRecord::Base
  has_many :installments, dependent: :delete_all
end

class Installment < ActiveRecord::Base
  belongs_to :loan
end

START = Date.new(2025, 1, 1)

def loan_values(n)
  borrowed = BigDecimal(1000 + n * 250)
  { website: "lender-#{n % 7 + 1}.example", loan_date: START + 7 * n, amount_borrowed: borrowed,
    amount_due: borrowed * BigDecimal("1.2"), due_date: START + 7 * n + 90, is_paid: n <= 10,
    notes: (n % 5 == 0 ? "renegotiated" : nil) }
end

url, step, table = ARGV
unless url && %w[schema import insert].include?(step)
  warn "usage: activerecord_driver.rb URL schema|import|insert [loans|installments]"
  exit 2
end
table ||= "loans"

ActiveRecord::Base.logger = Logger.new($stderr) if ENV["PGSEQ_ORM_ECHO"] == "1"
ActiveRecord::Base.establish_connection(url)

begin
  case step
  when "schema"
    ActiveRecord::Migration.verbose = false
    ActiveRecord::Schema.define do
      create_table :loans do |t|
        t.text :website, null: false
        t.date :loan_date, null: false
        t.decimal :amount_borrowed, precision: 12, scale: 2, null: false
        t.decimal :amount_due, precision: 12, scale: 2, null: false
        t.date :due_date, null: false
        t.boolean :is_paid, null: false, default: false
        t.text :notes
      end
      create_table :installments do |t|
        t.references :loan, null: false, foreign_key: { on_delete: :cascade }
        t.date :due_date, null: false
        t.decimal :amount, precision: 12, scale: 2, null: false
        t.boolean :paid, null: false, default: false
        t.date :paid_date
      end
    end
  when "import"
    ActiveRecord::Base.transaction do
      Loan.insert_all!((1..28).map { |n| { id: n }.merge(loan_values(n)) })
      rows = []
      (1..28).each do |n|
        v = loan_values(n)
        parts = n <= 8 ? 3 : 2
        (1..parts).each do |k|
          rows << { id: rows.size + 1, loan_id: n, due_date: v[:loan_date] + 30 * k,
                    amount: (v[:amount_due] / parts).round(2), paid: v[:is_paid] }
        end
      end
      Installment.insert_all!(rows)
    end
  when "insert"
    row = if table == "installments"
            Installment.create!(loan_id: Loan.minimum(:id), due_date: Date.new(2025, 10, 9), amount: BigDecimal("100.00"))
          else
            Loan.create!(loan_values(29))
          end
    puts row.id
  end
rescue ActiveRecord::RecordNotUnique => e
  cause = e.cause
  result = cause.respond_to?(:result) ? cause.result : nil
  warn "exception: #{e.class.name}"
  warn "cause: #{cause.class.name}"
  warn "sqlstate: #{result&.error_field(PG::PG_DIAG_SQLSTATE)}"
  warn "message: #{result&.error_field(PG::PG_DIAG_MESSAGE_PRIMARY) || e.message}"
  warn "detail: #{result&.error_field(PG::PG_DIAG_MESSAGE_DETAIL)}"
  exit 3
end
exit 0
