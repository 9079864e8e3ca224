using System.Globalization;

namespace PgSeq.Session;

/// <summary>Formats timeouts for PostgreSQL settings and for people.</summary>
internal static class Durations
{
    /// <summary>The value for <c>statement_timeout</c>/<c>lock_timeout</c>: whole milliseconds, <c>0</c> disabling it.</summary>
    public static string Setting(TimeSpan timeout) =>
        ((long)Math.Ceiling(timeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary>A short human form: <c>2s</c>, <c>500ms</c>, <c>5min</c>.</summary>
    public static string Format(TimeSpan timeout) => timeout switch
    {
        { TotalMilliseconds: < 1000 } => $"{timeout.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}ms",
        { TotalSeconds: < 60 } => $"{timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s",
        { TotalMinutes: < 60 } => $"{timeout.TotalMinutes.ToString("0.###", CultureInfo.InvariantCulture)}min",
        _ => $"{timeout.TotalHours.ToString("0.###", CultureInfo.InvariantCulture)}h",
    };
}
