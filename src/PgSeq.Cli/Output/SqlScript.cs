namespace PgSeq.Cli.Output;

/// <summary>The <c>fix --sql</c> output: one repair transaction per drifted sequence, ready for psql.</summary>
internal static class SqlScript
{
    public static void Write(TextWriter writer, DriftReport report)
    {
        var repairs = report.Sequences.Where(s => s.Repair is not null).ToList();
        writer.WriteLine($"-- pgseq fix --sql: {repairs.Count} sequence(s) to repair.");
        writer.WriteLine("-- Each block is one transaction: it waits a bounded time for its locks, re-reads MAX under them and");
        writer.WriteLine("-- only moves the sequence forward, so the script is safe on a live database and safe to run twice.");
        foreach (var sequence in repairs)
        {
            writer.WriteLine();
            writer.Write(sequence.Repair!.Script);
        }
    }
}
