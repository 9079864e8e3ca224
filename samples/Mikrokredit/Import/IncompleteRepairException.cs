using PgSeq;

namespace Mikrokredit.Import;

/// <summary>The import's repair left a sequence in drift, busy or in error, so the import was rolled back.</summary>
internal sealed class IncompleteRepairException(DriftReport report)
    : Exception("the sequences could not all be repaired, so the import was rolled back: " + string.Join("; ",
        report.Sequences.Where(s => s.Status == SequenceStatus.Drift || !s.Complete).Select(s => $"{s.Sequence.Name}: {s.Reason}")));
