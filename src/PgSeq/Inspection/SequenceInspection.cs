using PgSeq.Catalog;
using PgSeq.Diagnosis;
using PgSeq.Probing;

namespace PgSeq.Inspection;

/// <summary>One sequence as discovered, read and diagnosed.</summary>
/// <param name="Sequence">The sequence and its columns.</param>
/// <param name="State">Its position, when it could be read.</param>
/// <param name="Columns">Its columns' extreme, when they could be read.</param>
/// <param name="Verdict">The diagnosis, or why there is none.</param>
internal sealed record SequenceInspection(CatalogSequence Sequence, SequenceState? State, ColumnExtremes? Columns, Verdict Verdict);
