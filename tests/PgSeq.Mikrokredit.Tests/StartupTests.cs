using System.Net;
using PgSeq.Mikrokredit.Tests.Infrastructure;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Mikrokredit.Tests;

/// <summary>What the app does before it serves: create the schema when there is none, repair when asked to.</summary>
public sealed class StartupTests(PostgresServer server)
{
    [Fact]
    public async Task On_an_empty_database_the_app_creates_the_incidents_schema_with_sequences_apart_and_numbers_from_1()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var app = await MikrokreditHost.StartAsync(db);

        Assert.Equal("nextval('loans_id_seq'::regclass)", await db.ScalarAsync<string>("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'loans'::regclass"));
        Assert.Equal(DBNull.Value, await db.ScalarAsync<object>("SELECT pg_get_serial_sequence('loans', 'id')"));
        var loan = await app.AddLoanAsync("first.example", installmentCount: 4);
        Assert.Equal(1, loan.Id);
        Assert.Equal([1, 2, 3, 4], loan.Installments.Select(i => i.Id));
    }

    [Fact]
    public async Task Repair_on_startup_is_off_by_default_and_when_set_the_drifted_incident_database_takes_loan_29()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);

        await using (var plain = await MikrokreditHost.StartAsync(db))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await plain.GetHealthAsync()).Code);
            Assert.Equal((2L, false), await db.SequenceStateAsync("loans_id_seq"));
        }

        await using var repairing = await MikrokreditHost.StartAsync(db, "--Pgseq:RepairOnStartup=true");

        // The health check never repairs: healthy on the first request means the app repaired before serving.
        Assert.Equal(HttpStatusCode.OK, (await repairing.GetHealthAsync()).Code);
        var loan = await repairing.AddLoanAsync("after-startup-repair.example", installmentCount: 2);
        Assert.Equal(29, loan.Id);
        Assert.Equal([65, 66], loan.Installments.Select(i => i.Id));
    }
}
