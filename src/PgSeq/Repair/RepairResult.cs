using PgSeq.Diagnosis;
using PgSeq.Probing;

namespace PgSeq.Repair;

/// <summary>What one repair transaction found under its locks and did.</summary>
/// <param name="Before">The sequence's state once locked.</param>
/// <param name="Extreme">MAX (MIN when descending) of the columns once locked.</param>
/// <param name="Moved">The setval() made; null when the sequence was already past the data.</param>
/// <param name="LockedFor">How long the locks were held for reading MAX and moving the sequence.</param>
internal sealed record RepairResult(SequenceState Before, long? Extreme, SequenceMove? Moved, TimeSpan LockedFor);
