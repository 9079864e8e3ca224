using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;

namespace PgSeq.Cli.Serve;

/// <summary>
/// serve's log: one line per finished check and per failure, in the --log file's key=value format, on standard error
/// (the service manager's journal) and, with --log, appended to the file; start and stop are a sentence on standard
/// error and an event in the file. Targets are user@host:port/database, so no password can appear.
/// </summary>
internal sealed class ServeLog(TextWriter error, string? path, Texts texts)
{
    private readonly Lock _gate = new();
    private readonly RunLog? _file = path is null ? null : new RunLog(path);
    private bool _fileFailed;

    /// <summary>An event of one target, on both.</summary>
    public void Write(DateTimeOffset time, string target, string @event, params (string Key, object? Value)[] fields)
    {
        var line = RunLog.Line(time, [("command", "serve"), ("target", target), ("event", @event), .. fields]);
        Say(line);
        Append(line);
    }

    /// <summary>The start: a sentence on standard error, an event in the file, which must be writable.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public void Started(string sentence, params (string Key, object? Value)[] fields)
    {
        _file?.Append([RunLog.Line(DateTimeOffset.UtcNow, [("command", "serve"), ("event", "started"), .. fields])]);
        Say(sentence);
    }

    public void Stopped(string sentence)
    {
        Append(RunLog.Line(DateTimeOffset.UtcNow, [("command", "serve"), ("event", "stopped")]));
        Say(sentence);
    }

    /// <summary>A line on standard error only.</summary>
    public void Say(string line)
    {
        lock (_gate)
        {
            error.WriteLine(line);
            error.Flush();
        }
    }

    // The service goes on when its log file stops being writable (a full disk, a rotation gone wrong); standard error
    // says so once.
    private void Append(string line)
    {
        try
        {
            _file?.Append([line]);
            _fileFailed = false;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            if (!_fileFailed)
            {
                _fileFailed = true;
                Say(texts["ErrorLine", texts["Serve_LogUnwritable", path!, failure.Message.TrimEnd('.')]]);
            }
        }
    }
}
