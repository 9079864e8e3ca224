using System.Globalization;
using System.Text;

namespace PgSeq.Cli.Output;

/// <summary>
/// The --log file: one line per event, "timestamp key=value ...", appended in batches and closed after each, so that
/// logrotate (create or copytruncate) can rotate it between runs. Never holds a password: targets are described
/// as user@host:port/database.
/// </summary>
internal sealed class RunLog(string path)
{
    private readonly Lock _gate = new();

    /// <summary>
    /// Checks, before any work, that <paramref name="path"/> can be appended to, creating it if it is missing (as the
    /// first append would), so that a run never does its work and then fails to record it.
    /// </summary>
    /// <exception cref="InputException">The file cannot be written: its directory is missing, it is a directory, or the
    /// system refuses.</exception>
    public static void EnsureWritable(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputException("Log_IsDirectory", path, Path.Combine(path, "pgseq.log"));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new InputException("Log_NoDirectory", path, directory);
        }

        try
        {
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputException("Log_Unwritable", path, error.Message.TrimEnd('.'));
        }
    }

    /// <summary>The log of one target's run, written as its sequences pass.</summary>
    public RunLogTarget For(string target, RunMode mode) => new(this, target, mode);

    /// <summary>Appends lines to the file, one writer at a time.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public void Append(IReadOnlyList<string> lines)
    {
        lock (_gate)
        {
            File.AppendAllLines(path, lines);
        }
    }

    /// <summary>
    /// Appends lines unless an earlier append failed: a file that stops being writable part-way (a full disk, a
    /// directory removed) costs the log its remaining lines, never the run or its report.
    /// </summary>
    /// <returns>False when the lines could not be written; <see cref="Failure"/> says why.</returns>
    public bool TryAppend(IReadOnlyList<string> lines)
    {
        lock (_gate)
        {
            if (Failure is not null)
            {
                return false;
            }

            try
            {
                File.AppendAllLines(path, lines);
                return true;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Failure = error;
                return false;
            }
        }
    }

    /// <summary>The first append that failed; null while every append succeeded.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The file's path.</summary>
    public string FilePath => path;

    /// <summary>The command field of a line: check, fix or fix-dry-run.</summary>
    public static string CommandOf(RunMode mode) => mode switch
    {
        RunMode.Check => "check",
        RunMode.DryRun => "fix-dry-run",
        _ => "fix",
    };

    /// <summary>One line: the UTC timestamp, "pgseq", then key=value for each field.</summary>
    public static string Line(DateTimeOffset time, IEnumerable<(string Key, object? Value)> fields)
    {
        var line = new StringBuilder(time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)).Append(" pgseq");
        foreach (var (key, value) in fields)
        {
            line.Append(' ').Append(key).Append('=').Append(Value(value));
        }

        return line.ToString();
    }

    // Bare when it is a plain word, else double-quoted with \" and \\ escaped and line breaks spelled out.
    private static string Value(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or '/' or '@')
            ? text
            : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
    }
}
