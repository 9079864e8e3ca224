using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Corpus;

/// <summary>
/// Real schemas written by other projects: every sequence-backed column is found, an import with explicit ids drifts
/// them, fix repairs every one, and afterwards nextval() hands out only values that no linked column holds.
/// </summary>
public sealed class CorpusTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pagila", null, 13, 13, 13, 0)]
    [InlineData("chinook", "chinook_auto_increment", 10, 10, 10, 0)]
    [InlineData("northwind", null, 0, 0, 0, 0)]
    [InlineData("mikrokredit", "mikrokredit_db", 2, 2, 2, 0)]
    [InlineData("request-tracker", null, 36, 37, 36, 1)]
    [InlineData("openstreetmap", null, 34, 34, 34, 0)]
    [InlineData("gisia", null, 71, 71, 71, 0)]
    [InlineData("musicbrainz", null, 239, 239, 226, 0)]
    public async Task Every_sequence_is_found_every_drift_is_repaired_and_nextval_is_safe_afterwards(
        string schema, string? ownDatabase, int sequences, int columns, int drifted, int unlinked)
    {
        SchemaCorpus.Directory();
        Assert.SkipWhen(schema == "openstreetmap" && server.VersionNumber < 130000, "openstreetmap's schema needs PostgreSQL 13 (an index on NORMALIZE())");
        await using var db = await server.CreateDatabaseAsync();
        await SchemaCorpus.LoadAsync(schema, db.ConnectionStringForPsql());
        var database = ownDatabase ?? db.Name;
        try
        {
            await using var target = NpgsqlDataSource.Create(server.ConnectionString(database));

            var clean = await SequenceDrift.CheckAsync(target, null, Cancel);
            Assert.Equal((sequences + unlinked, sequences, unlinked), (clean.Summary.Sequences, clean.Summary.Ok, clean.Summary.Unlinked));
            Assert.Equal(columns, clean.Sequences.Sum(s => s.Columns.Count));

            var drift = await SchemaCorpus.DriftAsync($"postgresql://{server.SuperUser}@{server.Host}:{server.Port}/{database}");
            var drifting = await SequenceDrift.CheckAsync(target, null, Cancel);
            Assert.True(drifting.Summary.Drift == drifted, $"{drift}; pgseq found {drifting.Summary.Drift} drifted");

            var fix = await SequenceDrift.FixAsync(target, null, Cancel);
            Assert.Equal(drifted, fix.Summary.Repaired);
            Assert.True(fix.Complete);

            var after = await SequenceDrift.CheckAsync(target, null, Cancel);
            Assert.Equal(sequences, after.Summary.Ok);
            await AssertNextValuesAreFreeAsync(target, after);
        }
        finally
        {
            if (ownDatabase is not null)
            {
                await server.DropDatabaseAsync(ownDatabase);
            }
        }
    }

    // What an application would get next: one nextval() per sequence, which must not exist in any column it feeds.
    private static async Task AssertNextValuesAreFreeAsync(NpgsqlDataSource target, DriftReport report)
    {
        foreach (var sequence in report.Sequences)
        {
            await using var next = target.CreateCommand($"SELECT nextval('{sequence.Sequence.Name.Replace("'", "''", StringComparison.Ordinal)}')");
            var value = (long)(await next.ExecuteScalarAsync(Cancel))!;
            if (sequence.Status == SequenceStatus.Unlinked)
            {
                continue;
            }

            foreach (var column in sequence.Columns.Where(c => c.Measured))
            {
                await using var taken = target.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {column.Table} WHERE {Quote(column.Column)} = $1)");
                taken.Parameters.Add(new NpgsqlParameter { Value = value });
                Assert.False((bool)(await taken.ExecuteScalarAsync(Cancel))!, $"nextval({sequence.Sequence.Name}) = {value} already exists in {column.Table}.{column.Column}");
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
