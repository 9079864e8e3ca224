using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests;

/// <summary>The mikrokredit incident, replayed end to end.</summary>
public sealed class IncidentTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string NewLoan = "INSERT INTO loans (website, loan_date, amount_borrowed, amount_due, due_date) VALUES ('new.example', current_date, 500, 600, current_date + 30) RETURNING id";

    [Fact]
    public async Task The_incident_is_found_by_check_fails_on_insert_and_is_repaired_by_fix()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);

        var check = await SequenceDrift.CheckAsync(db.DataSource, null, Cancel);
        var loans = check.For("public.loans_id_seq");
        Assert.Equal((SequenceStatus.Drift, 2L, 28L, true), (loans.Status, loans.NextValue!.Value, loans.ColumnExtreme!.Value, loans.NextInsertCollides));
        Assert.Equal(LinkKind.Default, loans.Columns.Single().Kind);
        var installments = check.For("public.installments_id_seq");
        Assert.Equal((SequenceStatus.Drift, 1L, 64L), (installments.Status, installments.NextValue!.Value, installments.ColumnExtreme!.Value));

        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => db.ScalarAsync<int>(NewLoan));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
        Assert.Equal("Key (id)=(2) already exists.", duplicate.Detail);

        var fix = await SequenceDrift.FixAsync(db.DataSource, null, Cancel);
        Assert.Equal(2, fix.Summary.Repaired);

        Assert.Equal(29, await db.ScalarAsync<int>(NewLoan));
        Assert.Equal(65, await db.ScalarAsync<int>("INSERT INTO installments (loan_id, due_date, amount) VALUES (29, current_date + 30, 600) RETURNING id"));
        Assert.All((await SequenceDrift.CheckAsync(db.DataSource, null, Cancel)).Sequences, s => Assert.Equal(SequenceStatus.Ok, s.Status));
    }
}
