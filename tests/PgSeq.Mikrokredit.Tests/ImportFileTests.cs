using PgSeq.Mikrokredit.Tests.Infrastructure;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Mikrokredit.Tests;

/// <summary>The import files and the import's all-or-nothing behaviour.</summary>
public sealed class ImportFileTests(PostgresServer server)
{
    // Every row of both tables, in id order, as PostgreSQL prints them: equal text means equal data.
    private static async Task<string> RowsAsync(TestDatabase db) =>
        await db.ScalarAsync<string>("SELECT (SELECT string_agg(l::text, E'\\n' ORDER BY id) FROM loans AS l) || E'\\n' || (SELECT string_agg(i::text, E'\\n' ORDER BY id) FROM installments AS i)");

    [Fact]
    public async Task The_json_and_csv_samples_hold_exactly_the_incidents_28_loans_and_64_installments()
    {
        await using var incident = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(incident);
        await using var fromJson = await server.CreateDatabaseAsync();
        await using var fromCsv = await server.CreateDatabaseAsync();

        Assert.Equal(0, (await Import.RunAsync(fromJson, SampleFiles.Json)).ExitCode);
        Assert.Equal(0, (await Import.RunAsync(fromCsv, SampleFiles.Csv)).ExitCode);

        var expected = await RowsAsync(incident);
        Assert.Equal(28 + 64, expected.Split('\n').Length);
        Assert.Equal(expected, await RowsAsync(fromJson));
        Assert.Equal(expected, await RowsAsync(fromCsv));
    }

    [Fact]
    public async Task A_malformed_file_is_one_line_naming_the_line_and_column_with_exit_1_and_imports_nothing()
    {
        await using var db = await server.CreateDatabaseAsync();
        var file = Path.Combine(Path.GetTempPath(), $"mikrokredit-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "id,website,loan_date,amount_borrowed,amount_due,due_date\n1,a.example,2025-01-08,100,120,2025-04-08\n2,b.example,08.01.2025,100,120,2025-04-08\n", TestContext.Current.CancellationToken);
        try
        {
            var import = await Import.RunAsync(db, file);

            Assert.Equal(1, import.ExitCode);
            Assert.Equal($"mikrokredit import: error: {file}: line 3, loan_date: '08.01.2025' is not a date such as 2025-01-31; nothing was imported\n", import.Stderr);
            Assert.Equal(string.Empty, import.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_import_that_fails_on_the_database_rolls_back_its_rows_and_its_repair()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Scenarios.Read("mikrokredit-schema.sql") + "INSERT INTO loans (id, website, loan_date, amount_borrowed, amount_due, due_date) VALUES (28, 'already-there.example', '2025-01-01', 1, 1, '2025-02-01');");

        var import = await Import.RunAsync(db, SampleFiles.Json);

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("duplicate key value violates unique constraint \"loans_pkey\": Key (id)=(28) already exists", import.Stderr, StringComparison.Ordinal);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM loans"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM installments"));
        Assert.Equal((1L, false), await db.SequenceStateAsync("loans_id_seq"));
    }
}
