namespace PgSeq.Tests.Infrastructure;

public static class ReportExtensions
{
    /// <summary>The report of one sequence, by its quoted, schema-qualified name.</summary>
    public static SequenceReport For(this DriftReport report, string sequence) =>
        report.Sequences.SingleOrDefault(s => s.Sequence.Name == sequence)
        ?? throw new Xunit.Sdk.XunitException($"no sequence {sequence} in the report; found: {string.Join(", ", report.Sequences.Select(s => s.Sequence.Name))}");
}
