using System.Runtime.CompilerServices;
using PgSeq.Reporting;
using PgSeq.Session;

namespace PgSeq;

/// <summary>
/// A check or a fix read one sequence at a time, so that a database of 100,000 sequences never has every report in
/// memory at once (<see cref="SequenceDrift.OpenCheckAsync"/>, <see cref="SequenceDrift.OpenFixAsync"/>). Read
/// <see cref="ReadAllAsync"/> once, to its end; the totals (<see cref="Summary"/> and the rest) are there once it has
/// ended. Disposing the reader closes its connections.
/// </summary>
public sealed class DriftReportReader : IAsyncDisposable
{
    private readonly Workers _workers;
    private readonly ReportTotals _totals;
    private Func<CancellationToken, IAsyncEnumerable<SequenceReport>>? _sequences;

    internal DriftReportReader(Workers workers, ReportTotals totals, Func<CancellationToken, IAsyncEnumerable<SequenceReport>> sequences)
    {
        _workers = workers;
        _totals = totals;
        _sequences = sequences;
        Database = workers.Session.Database;
        ServerVersion = workers.Session.ServerVersion;
        OnStandby = workers.Session.InRecovery;
    }

    /// <summary>The database examined.</summary>
    public string Database { get; }

    /// <summary>The server's version, as <c>server_version</c> reports it.</summary>
    public string ServerVersion { get; }

    /// <summary>True when the server is a hot standby: it can be checked, but repairs belong on the primary.</summary>
    public bool OnStandby { get; }

    /// <summary>Counts over every sequence read.</summary>
    /// <exception cref="InvalidOperationException">The sequences have not all been read yet.</exception>
    public DriftSummary Summary => Ended().Summary;

    /// <summary>With <see cref="CheckOptions.CutoverSource"/>: how the sequences compare with the source's.</summary>
    /// <exception cref="InvalidOperationException">The sequences have not all been read yet.</exception>
    public CutoverComparison? Cutover => Ended().Cutover;

    /// <summary>The longest <see cref="RepairOutcome.LockHeld"/> of the run; null when nothing was repaired.</summary>
    /// <exception cref="InvalidOperationException">The sequences have not all been read yet.</exception>
    public TimeSpan? LongestLockHeld => Ended().LongestLockHeld;

    /// <summary>True when every sequence could be examined (and, for a fix, repaired): as <see cref="DriftReport.Complete"/>.</summary>
    /// <exception cref="InvalidOperationException">The sequences have not all been read yet.</exception>
    public bool Complete => Ended().Complete;

    /// <summary>The most urgent finding of the run: as <see cref="DriftReport.Attention"/>.</summary>
    /// <exception cref="InvalidOperationException">The sequences have not all been read yet.</exception>
    public Attention Attention => Ended().Attention;

    /// <summary>
    /// How many sequences the run has in scope, as the catalog counts them before the first sequence is handed out; null
    /// until then (so also when the run stopped before the catalog was read). When the reading stops early, the
    /// sequences never read are this less <see cref="DriftSummary.Sequences"/>.
    /// </summary>
    public int? SequencesInScope => _totals.Scope.InScope;

    /// <summary>
    /// True when the reading stopped before the end: cancelled, failed, or left by the caller. The totals then count
    /// only the sequences read; for a fix, those are all that was done, each repaired or untouched.
    /// </summary>
    public bool Interrupted => _totals.Interrupted;

    /// <summary>
    /// The sequences sorted by name, each as soon as it has been checked (for a fix: repaired, or found to need no
    /// repair). A fix that is cancelled still yields the sequences of the batch it was repairing (each repaired or
    /// rolled back), then throws <see cref="OperationCanceledException"/>, with <see cref="Interrupted"/> set; one that
    /// fails part-way (a lost connection) yields those of the batch it repaired before it throws. However the reading
    /// ends, the totals are there afterwards.
    /// </summary>
    /// <param name="cancellationToken">Cancels the running query.</param>
    /// <exception cref="InvalidOperationException">The sequences were already read.</exception>
    public IAsyncEnumerable<SequenceReport> ReadAllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(
            Interlocked.Exchange(ref _sequences, null) ?? throw new InvalidOperationException("the sequences of a report can be read only once"),
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _workers.DisposeAsync();

    /// <summary>Reads every sequence into one <see cref="DriftReport"/>; a cancelled fix throws
    /// <see cref="RepairInterruptedException"/> with what it did.</summary>
    internal async Task<DriftReport> CollectAsync(CancellationToken cancellationToken)
    {
        var sequences = new List<SequenceReport>();
        try
        {
            await foreach (var sequence in ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                sequences.Add(sequence);
            }
        }
        catch (OperationCanceledException) when (Interrupted)
        {
            throw new RepairInterruptedException(Report(sequences), cancellationToken);
        }

        return Report(sequences);
    }

    private async IAsyncEnumerable<SequenceReport> ReadAsync(
        Func<CancellationToken, IAsyncEnumerable<SequenceReport>> sequences, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var sequence in sequences(cancellationToken).ConfigureAwait(false))
            {
                yield return sequence;
            }
        }
        finally
        {
            // A run that ended early still has totals: those of the sequences read.
            _totals.End(interrupted: true);
        }
    }

    private DriftReport Report(IReadOnlyList<SequenceReport> sequences) => new()
    {
        Database = Database,
        ServerVersion = ServerVersion,
        OnStandby = OnStandby,
        Sequences = sequences,
        Summary = _totals.Summary,
        LongestLockHeld = _totals.LongestLockHeld,
        Cutover = _totals.Cutover,
    };

    private ReportTotals Ended() =>
        _totals.Ended ? _totals : throw new InvalidOperationException("read every sequence (ReadAllAsync) before asking for the totals");
}
