namespace PgSeq.Cli.Output;

/// <summary>
/// The rows of the table, taken one sequence at a time: without --verbose at most <see cref="RowLimit"/>, the most
/// serious first when not all fit, so that a report of 100,000 sequences keeps 100 of them; with --verbose every one.
/// </summary>
/// <param name="verbose">Keep every row.</param>
/// <param name="quiet">Keep only the sequences that need attention (or were repaired).</param>
internal sealed class TableRows(bool verbose, bool quiet)
{
    /// <summary>Rows shown without --verbose: a table of ten thousand rows helps nobody (and takes seconds to draw);
    /// the most serious come first and --json lists everything.</summary>
    public const int RowLimit = 100;

    private readonly List<(int Rank, int Position, SequenceReport Sequence)> _all = [];

    // The most serious rows so far; the root is the least serious of them (the highest rank, then the latest), the first
    // to give way.
    private readonly PriorityQueue<(int Rank, int Position, SequenceReport Sequence), (int Rank, int Position)> _worst =
        new(Comparer<(int Rank, int Position)>.Create((a, b) => b.CompareTo(a)));

    /// <summary>The sequences the table lists (all, or with --quiet those that need attention); some may be hidden.</summary>
    public int Listed { get; private set; }

    /// <summary>The rows to draw: in report order when all fit, else the most serious (report order within a rank).</summary>
    public IReadOnlyList<SequenceReport> Shown
    {
        get
        {
            var rows = verbose ? _all : _worst.UnorderedItems.Select(item => item.Element);
            var ordered = Listed <= RowLimit || verbose ? rows.OrderBy(r => r.Position) : rows.OrderBy(r => r.Rank).ThenBy(r => r.Position);
            return [.. ordered.Select(r => r.Sequence)];
        }
    }

    public void Add(SequenceReport sequence)
    {
        if (quiet && !NeedsAttention(sequence))
        {
            return;
        }

        (int Rank, int Position, SequenceReport Sequence) row = (Severity(sequence), Listed++, sequence);
        if (verbose)
        {
            _all.Add(row);
        }
        else if (_worst.Count < RowLimit)
        {
            _worst.Enqueue(row, (row.Rank, row.Position));
        }
        else
        {
            _worst.EnqueueDequeue(row, (row.Rank, row.Position));
        }
    }

    // What --quiet keeps: findings, sequences that could not be examined, and what this run changed.
    private static bool NeedsAttention(SequenceReport sequence) =>
        sequence.Attention != Attention.None || !sequence.Complete || sequence.Repair is { Applied: true };

    // What a reader must see first when not every row fits: what could not be examined, then the library's attention
    // levels, collisions first; then what this run changed.
    private static int Severity(SequenceReport sequence) => sequence switch
    {
        { Complete: false, Status: SequenceStatus.Error } => 0,
        { Complete: false } => 1,
        { Attention: Attention.Critical, NextInsertCollides: true } => 2,
        { Attention: Attention.Critical, Status: SequenceStatus.Drift } => 3,
        { Attention: Attention.Critical } => 4,
        { Attention: Attention.Warning } => 5,
        { Repair.Applied: true } => 6,
        { Status: SequenceStatus.Unlinked } => 7,
        { Status: SequenceStatus.Skipped } => 8,
        _ => 9,
    };
}
