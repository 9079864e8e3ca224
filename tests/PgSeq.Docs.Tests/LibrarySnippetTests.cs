using MyApp;
using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Docs.Tests;

/// <summary>The library snippets of docs/library.md and src/PgSeq/README.md, run against a real database.</summary>
public sealed class LibrarySnippetTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string NewLoan = "INSERT INTO loans (website, loan_date, amount_borrowed, amount_due, due_date) VALUES ('new.example', current_date, 500, 600, current_date + 30) RETURNING id";

    [Fact]
    public async Task The_check_and_fix_snippet_repairs_the_incident()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);

        var report = await SequenceMaintenance.CheckAndFixAsync(db.ConnectionString, Cancel);

        Assert.Equal(2, report.Summary.Repaired);
        Assert.Equal(29, await db.ScalarAsync<int>(NewLoan));
    }

    [Fact]
    public async Task The_import_snippet_copies_rows_with_their_ids_and_repairs_in_the_same_transaction()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Scenarios.Read("mikrokredit-schema.sql"));
        await using var connection = await db.DataSource.OpenConnectionAsync(Cancel);
        using var csv = new StringReader("""
            1,lender-1.example,2025-08-01,1000.00,1200.00,2025-11-01,f,
            2,lender-2.example,2025-08-02,500.00,600.00,2025-11-02,t,repaid early
            40,lender-3.example,2025-08-03,750.00,900.00,2025-11-03,f,
            """);

        await LoanImport.ImportAsync(connection, csv, Cancel);

        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT count(*) FROM loans"));
        Assert.Equal(41, await db.ScalarAsync<int>(NewLoan));
    }

    [Fact]
    public async Task The_import_snippet_rolls_back_the_rows_and_the_repair_together()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Scenarios.Read("mikrokredit-schema.sql"));
        await using var connection = await db.DataSource.OpenConnectionAsync(Cancel);
        // The second row breaks the COPY: nothing of the import may stay, neither the first row nor a moved sequence.
        using var csv = new StringReader("""
            1,lender-1.example,2025-08-01,1000.00,1200.00,2025-11-01,f,
            1,lender-1.example,2025-08-01,1000.00,1200.00,2025-11-01,f,
            """);

        var failure = await Assert.ThrowsAsync<PostgresException>(() => LoanImport.ImportAsync(connection, csv, Cancel));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, failure.SqlState);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM loans"));
        Assert.Equal(1, await db.ScalarAsync<int>(NewLoan));
    }
}
