using PgSeq.Cli.Output;

namespace PgSeq.Tests.Cli;

/// <summary>The table keeps at most 100 rows as sequences pass, the most serious when not all fit.</summary>
public sealed class TableRowsTests
{
    private static SequenceReport Sequence(int i, SequenceStatus status = SequenceStatus.Ok) => new()
    {
        Sequence = new SequenceDefinition { Name = $"public.s{i:D3}", DataType = "bigint", Start = 1, Increment = 1, MinValue = 1, MaxValue = long.MaxValue, Cache = 1, Cycle = false },
        Columns = [],
        Status = status,
        Finding = status == SequenceStatus.Drift ? Finding.Behind : status == SequenceStatus.Error ? Finding.QueryFailed : Finding.InSync,
        Reason = Phrases.Empty(1),
        NextInsertCollides = status == SequenceStatus.Drift && i % 2 == 0,
    };

    private static TableRows Fed(bool verbose, bool quiet, int count, Dictionary<int, SequenceStatus> problems)
    {
        var rows = new TableRows(verbose, quiet);
        for (var i = 0; i < count; i++)
        {
            rows.Add(Sequence(i, problems.GetValueOrDefault(i, SequenceStatus.Ok)));
        }

        return rows;
    }

    private static List<string> Names(TableRows rows) => [.. rows.Shown.Select(s => s.Sequence.Name)];

    [Fact]
    public void Past_the_limit_the_most_serious_come_first_then_the_earliest_and_late_ones_are_not_lost()
    {
        var rows = Fed(verbose: false, quiet: false, 250, new() { [10] = SequenceStatus.Drift, [201] = SequenceStatus.Drift, [230] = SequenceStatus.Error, [249] = SequenceStatus.Drift });

        var names = Names(rows);
        Assert.Equal(250, rows.Listed);
        Assert.Equal(TableRows.RowLimit, names.Count);

        // An error first, then drift whose next insert collides (even positions), then the other drift, then ok in report order.
        Assert.Equal(["public.s230", "public.s010", "public.s201", "public.s249", "public.s000", "public.s001"], names[..6]);
        Assert.Equal("public.s096", names[^1]);
    }

    [Fact]
    public void Within_the_limit_rows_stay_in_report_order()
    {
        var rows = Fed(verbose: false, quiet: false, 50, new() { [40] = SequenceStatus.Drift });

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"public.s{i:D3}"), Names(rows));
    }

    [Fact]
    public void Quiet_lists_only_what_needs_attention_and_verbose_keeps_every_row_in_order()
    {
        var problems = new Dictionary<int, SequenceStatus> { [3] = SequenceStatus.Drift, [150] = SequenceStatus.Error };

        var quiet = Fed(verbose: false, quiet: true, 300, problems);
        var verbose = Fed(verbose: true, quiet: false, 300, problems);

        Assert.Equal(2, quiet.Listed);
        Assert.Equal(["public.s003", "public.s150"], Names(quiet));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"public.s{i:D3}"), Names(verbose));
    }
}
