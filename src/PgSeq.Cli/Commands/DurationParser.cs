using System.Globalization;
using System.Text.RegularExpressions;

namespace PgSeq.Cli.Commands;

/// <summary>Parses durations as PostgreSQL writes them: <c>500ms</c>, <c>2s</c>, <c>5min</c>, <c>1h</c>; a bare number is seconds.</summary>
internal static partial class DurationParser
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        var match = Pattern().Match(text.Trim());
        duration = default;
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value;
        var milliseconds = number * unit switch
        {
            "ms" => 1,
            "" or "s" => 1000,
            "min" or "m" => 60_000,
            _ => 3_600_000,
        };

        // Beyond what a TimeSpan holds, it is no duration anyone means.
        if (milliseconds >= TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        duration = unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "" or "s" => TimeSpan.FromSeconds(number),
            "min" or "m" => TimeSpan.FromMinutes(number),
            _ => TimeSpan.FromHours(number),
        };
        return true;
    }

    /// <summary>A duration as it would be written on the command line: <c>1h</c>, <c>5min</c>, <c>2s</c>, <c>500ms</c>.</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { Ticks: > 0 } when duration.Ticks % TimeSpan.TicksPerHour == 0 => $"{(long)duration.TotalHours}h",
        { Ticks: > 0 } when duration.Ticks % TimeSpan.TicksPerMinute == 0 => $"{(long)duration.TotalMinutes}min",
        _ when duration.Ticks % TimeSpan.TicksPerSecond == 0 => $"{(long)duration.TotalSeconds}s",
        _ => $"{duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}ms",
    };

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<unit>ms|s|min|m|h)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
