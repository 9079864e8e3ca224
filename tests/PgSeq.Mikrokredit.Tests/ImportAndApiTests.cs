using System.Net;
using System.Text.Json;
using PgSeq.Mikrokredit.Tests.Infrastructure;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Mikrokredit.Tests;

/// <summary>The incident replayed through the sample: an import with explicit ids, then the app's next insert.</summary>
public sealed class ImportAndApiTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Importing_28_loans_then_adding_one_through_the_api_gives_id_29()
    {
        await using var db = await server.CreateDatabaseAsync();

        var import = await Import.RunAsync(db, SampleFiles.Json);

        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains("imported 28 loans (ids 1–28) and 64 installments (ids 1–64)", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("repaired public.loans_id_seq: next value 1 → 29", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("repaired public.installments_id_seq: next value 1 → 65", import.Stdout, StringComparison.Ordinal);

        await using var app = await MikrokreditHost.StartAsync(db);
        var loan = await app.AddLoanAsync("after-import.example", installmentCount: 3);

        Assert.Equal(29, loan.Id);
        Assert.Equal([65, 66, 67], loan.Installments.Select(i => i.Id));
        Assert.Equal(1200m, loan.Installments.Sum(i => i.Amount));
        var listed = await app.ListLoansAsync();
        Assert.Equal([.. Enumerable.Range(1, 29)], listed.Select(l => l.Id));
        Assert.Equal(67, listed.Sum(l => l.Installments.Count));
    }

    [Fact]
    public async Task Importing_without_repair_makes_adding_a_loan_fail_until_pgseq_fix_repairs_the_sequences()
    {
        await using var db = await server.CreateDatabaseAsync();
        var import = await Import.RunAsync(db, SampleFiles.Json, "--no-repair");
        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains("warning: 2 sequence(s) in drift", import.Stdout, StringComparison.Ordinal);
        await using var app = await MikrokreditHost.StartAsync(db);

        // The incident: the sequence hands out an id the import already used.
        using (var failed = await app.PostLoanAsync("during-incident.example", installmentCount: 3))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            var problem = JsonDocument.Parse(await failed.Content.ReadAsStringAsync(Cancel)).RootElement;
            Assert.Equal("duplicate key value violates unique constraint \"loans_pkey\": Key (id)=(1) already exists.", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(28L, await db.ScalarAsync<long>("SELECT count(*) FROM loans"));
        Assert.Equal(64L, await db.ScalarAsync<long>("SELECT count(*) FROM installments"));
        Assert.Equal((1L, true), await db.SequenceStateAsync("loans_id_seq"));
        var check = await PgSeqCommand.RunAsync("check", db.ConnectionStringForPsql());
        Assert.True(check.ExitCode == 2, check.Output);

        var (code, body) = await app.GetHealthAsync();
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (code, body.GetProperty("status").GetString()));
        Assert.Equal("2", body.GetProperty("checks").GetProperty("sequence-drift").GetProperty("data").GetProperty("drift").GetString());

        var fix = await PgSeqCommand.RunAsync("fix", db.ConnectionStringForPsql());
        Assert.True(fix.ExitCode == 0, fix.Output);
        Assert.Contains("2 sequences: 2 repaired.", fix.Stdout, StringComparison.Ordinal);

        var healthy = await app.GetHealthAsync();
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (healthy.Code, healthy.Body.GetProperty("status").GetString()));
        var loan = await app.AddLoanAsync("after-fix.example", installmentCount: 2);
        Assert.Equal(29, loan.Id);
        Assert.Equal([65, 66], loan.Installments.Select(i => i.Id));
    }

    [Fact]
    public async Task Marking_every_installment_paid_marks_the_loan_paid()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var app = await MikrokreditHost.StartAsync(db);
        var loan = await app.AddLoanAsync("paid.example", installmentCount: 2);

        foreach (var installment in loan.Installments)
        {
            using var response = await app.Client.PostAsync(new Uri($"/api/installments/{installment.Id}/paid", UriKind.Relative), null, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var paid = Assert.Single(await app.ListLoansAsync());
        Assert.True(paid.IsPaid);
        Assert.All(paid.Installments, i => Assert.True(i.Paid && i.PaidDate is not null));
        using var missing = await app.Client.PostAsync(new Uri("/api/installments/999/paid", UriKind.Relative), null, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
