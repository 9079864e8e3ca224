#region The library: check, then fix
using Npgsql;
using PgSeq;

namespace MyApp;

public static class SequenceMaintenance
{
    public static async Task<DriftReport> CheckAndFixAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        // check only reads; drift is a result, not an exception
        var report = await SequenceDrift.CheckAsync(dataSource, new CheckOptions { Schemas = ["public"] }, cancellationToken);
        foreach (var s in report.Sequences.Where(s => s.Status == SequenceStatus.Drift))
        {
            Console.WriteLine($"{s.Sequence.Name}: {s.Reason}");
        }

        // fix moves each drifted sequence past its data, one short transaction per sequence, never backwards
        return await SequenceDrift.FixAsync(dataSource, new FixOptions { LockTimeout = TimeSpan.FromSeconds(2) }, cancellationToken);
    }
}
#endregion
