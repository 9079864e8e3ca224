namespace PgSeq.Cli.Output;

/// <summary>
/// Which sequences get series of their own (--series, --top), so that ten thousand healthy sequences do not become a
/// hundred thousand series: by default only those that need attention or could not be examined, plus the
/// <see cref="Top"/> that have used most of their range. Counts per status always cover every sequence.
/// </summary>
/// <param name="All">Every sequence gets its series (--series all).</param>
/// <param name="Top">How many of the fullest sequences get series besides the problems.</param>
internal sealed record SeriesSelection(bool All, int Top)
{
    /// <summary>The default: problems and the 10 fullest sequences.</summary>
    public static SeriesSelection Default { get; } = new(false, 10);
}
