using System.Text;

namespace PgSeq.Cli.Output;

/// <summary>
/// Standard output or error as pgseq writes them: the first write that fails (a full disk under a redirection) is
/// remembered and every later write is dropped, so that a report that cannot be printed never stops the run in the
/// middle of its work; the run says so once it is done (<see cref="Failure"/>).
/// </summary>
internal sealed class GuardedWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    /// <summary>The first write that failed; null while every write succeeded.</summary>
    public IOException? Failure { get; private set; }

    public override void Write(char value)
    {
        if (Failure is null)
        {
            Guard(() => inner.Write(value));
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (Failure is null)
        {
            Guard(() => inner.Write(buffer, index, count));
        }
    }

    public override void Write(string? value)
    {
        if (Failure is null)
        {
            Guard(() => inner.Write(value));
        }
    }

    public override void WriteLine(string? value)
    {
        if (Failure is null)
        {
            Guard(() => inner.WriteLine(value));
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override void Flush()
    {
        if (Failure is null)
        {
            Guard(inner.Flush);
        }
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException error)
        {
            Failure = error;
        }
    }
}
