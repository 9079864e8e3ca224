namespace PgSeq.Cli.Output;

/// <summary>
/// The <c>fix --sql</c> output: one repair transaction per drifted sequence, ready for psql, written as each sequence
/// passes; a closing comment counts them.
/// </summary>
internal sealed class SqlScript
{
    private readonly TextWriter _writer;
    private int _repairs;

    public SqlScript(TextWriter writer)
    {
        _writer = writer;
        writer.WriteLine("-- pgseq fix --sql: one transaction per sequence to repair.");
        writer.WriteLine("-- Each block waits a bounded time for its locks, re-reads MAX under them and only moves the");
        writer.WriteLine("-- sequence forward, so the script is safe on a live database and safe to run twice.");
    }

    public void Add(SequenceReport sequence)
    {
        if (sequence.Repair is { } repair)
        {
            _repairs++;
            _writer.WriteLine();
            _writer.Write(repair.Script);
        }
    }

    public void End()
    {
        _writer.WriteLine();
        _writer.WriteLine($"-- {_repairs} sequence(s) to repair.");
    }
}
