using System.Globalization;
using System.Text;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Output;

/// <summary>
/// The --log file: one line per event, "timestamp key=value ...", appended and closed after every run so that
/// logrotate (create or copytruncate) can rotate it between runs. Never holds a password: targets are described
/// as user@host:port/database.
/// </summary>
internal sealed class RunLog(string path)
{
    private readonly Lock _gate = new();

    public void Write(TargetResult result, RunMode mode)
    {
        var lines = new List<string>();
        var command = mode == RunMode.Check ? "check" : mode == RunMode.DryRun ? "fix-dry-run" : "fix";
        string Event(string @event, params (string Key, object? Value)[] fields) =>
            Line(result.Finished, [("command", command), ("target", result.Label), ("event", @event), .. fields]);

        if (result.Report is { } report)
        {
            foreach (var sequence in report.Sequences)
            {
                if (sequence.Repair is { Applied: true } repair)
                {
                    lines.Add(Event("repaired", ("sequence", sequence.Sequence.Name), ("before", repair.PreviousNextValue), ("after", repair.NextValue), ("lock_held_ms", Math.Round(repair.LockHeld.TotalMilliseconds, 3))));
                }
                else if (sequence.Status is not SequenceStatus.Ok)
                {
                    lines.Add(Event("sequence", ("sequence", sequence.Sequence.Name), ("status", Snake(sequence.Status)), ("next_value", sequence.NextValue), ("max_value", sequence.ColumnExtreme), ("reason", Texts.English.Say(sequence.Reason))));
                }
            }

            var s = report.Summary;
            lines.Add(Event(result.Interrupted ? "interrupted" : "checked", ("database", report.Database), ("sequences", s.Sequences), ("ok", s.Ok), ("drift", s.Drift), ("repaired", s.Repaired),
                ("capacity_warning", s.CapacityWarning), ("capacity_critical", s.CapacityCritical), ("skipped", s.Skipped), ("unlinked", s.Unlinked), ("error", s.Error), ("busy", s.Busy), ("exit_code", result.ExitCode)));
        }
        else
        {
            lines.Add(Event("error", ("message", result.Error), ("exit_code", result.ExitCode)));
        }

        Append(lines);
    }

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

    private static string Snake(SequenceStatus status) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
