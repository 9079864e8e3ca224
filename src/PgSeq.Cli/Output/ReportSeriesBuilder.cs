namespace PgSeq.Cli.Output;

/// <summary>
/// Takes a report's sequences one at a time and keeps what <see cref="SeriesSelection"/> exports: counts per status for
/// all, the series of sequences that need attention or could not be examined (the library decides which) or that this
/// run repaired, and the fullest <see cref="SeriesSelection.Top"/> in a bounded heap. Memory grows with what is exported, not with the report.
/// </summary>
internal sealed class ReportSeriesBuilder(SeriesSelection selection, bool repairs)
{
    private readonly int[] _counts = new int[Enum.GetValues<SequenceStatus>().Length];
    private readonly List<(int Position, SequenceSeries Series)> _selected = [];

    // The fullest sequences not selected otherwise; the root is the emptiest of them, the first to give way.
    private readonly PriorityQueue<(int Position, SequenceSeries Series), double> _fullest = new();
    private int _position;

    public void Add(SequenceReport sequence)
    {
        _counts[(int)sequence.Status]++;
        var position = _position++;
        if (selection.All || sequence.Attention != Attention.None || !sequence.Complete || sequence.Repair is { Applied: true })
        {
            _selected.Add((position, SequenceSeries.Of(sequence, repairs)));
        }
        else if (selection.Top > 0 && sequence.Capacity is { UsedRatio: var used })
        {
            if (_fullest.Count < selection.Top)
            {
                _fullest.Enqueue((position, SequenceSeries.Of(sequence, repairs)), used);
            }
            else if (_fullest.TryPeek(out _, out var emptiest) && used > emptiest)
            {
                _fullest.EnqueueDequeue((position, SequenceSeries.Of(sequence, repairs)), used);
            }
        }
    }

    public ReportSeries Build(string database, DateTimeOffset checkedAt, TimeSpan? duration)
    {
        var series = _selected.Concat(_fullest.UnorderedItems.Select(item => item.Element))
            .OrderBy(entry => entry.Position)
            .Select(entry => entry.Series)
            .ToList();
        return new ReportSeries(database, _counts, series, checkedAt, duration);
    }
}
