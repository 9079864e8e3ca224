using PgSeq.Mikrokredit.Tests.Infrastructure;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Mikrokredit.Tests;

/// <summary>A backup taken after a repaired import restores with its sequences where they were.</summary>
public sealed class BackupRestoreTests(PostgresServer server)
{
    [Fact]
    public async Task After_a_pg_dump_and_pg_restore_round_trip_pgseq_check_is_clean_and_the_app_adds_loan_29()
    {
        await using var original = await server.CreateDatabaseAsync();
        Assert.Equal(0, (await Import.RunAsync(original, SampleFiles.Json)).ExitCode);
        var dump = Path.Combine(Path.GetTempPath(), $"mikrokredit-{Guid.NewGuid():N}.dump");
        try
        {
            var backup = await ProcessRunner.RunAsync(PostgresBinaries.Program("pg_dump"),
                ["--format=custom", $"--file={dump}", original.ConnectionStringForPsql()], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(backup.ExitCode == 0, backup.Output);

            await using var restored = await server.CreateDatabaseAsync();
            var restore = await ProcessRunner.RunAsync(PostgresBinaries.Program("pg_restore"),
                ["--exit-on-error", "--no-owner", $"--dbname={restored.ConnectionStringForPsql()}", dump], cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(restore.ExitCode == 0, restore.Output);

            var check = await PgSeqCommand.RunAsync("check", restored.ConnectionStringForPsql());
            Assert.True(check.ExitCode == 0, check.Output);
            Assert.Equal(28L, await restored.ScalarAsync<long>("SELECT count(*) FROM loans"));

            await using var app = await MikrokreditHost.StartAsync(restored);
            var loan = await app.AddLoanAsync("after-restore.example", installmentCount: 3);
            Assert.Equal(29, loan.Id);
            Assert.Equal([65, 66, 67], loan.Installments.Select(i => i.Id));
        }
        finally
        {
            File.Delete(dump);
        }
    }
}
