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

        duration = match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "" or "s" => TimeSpan.FromSeconds(number),
            "min" or "m" => TimeSpan.FromMinutes(number),
            _ => TimeSpan.FromHours(number),
        };
        return true;
    }

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<unit>ms|s|min|m|h)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
