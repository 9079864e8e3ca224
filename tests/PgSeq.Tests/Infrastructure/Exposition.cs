using System.Globalization;
using System.Text.RegularExpressions;

namespace PgSeq.Tests.Infrastructure;

/// <summary>A strict reader of the Prometheus text format, enough to prove pgseq's output is well formed.</summary>
public static partial class Exposition
{
    public sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);

    /// <summary>The samples of <paramref name="text"/>; every family must declare HELP and TYPE before its samples, and
    /// its TYPE must be one of <paramref name="types"/> (gauge when none are given).</summary>
    public static List<Sample> Parse(string text, params string[] types)
    {
        types = types.Length == 0 ? ["gauge"] : types;
        var declared = new Dictionary<string, (bool Help, bool Type)>();
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // The format ignores comments other than HELP and TYPE; pgseq writes one for what an interrupted run left unread.
            if (line.StartsWith("# pgseq: ", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var comment = Comment().Match(line);
                Assert.True(comment.Success, $"bad comment line: {line}");
                var name = comment.Groups["name"].Value;
                var entry = declared.GetValueOrDefault(name);
                declared[name] = comment.Groups["kind"].Value == "HELP" ? entry with { Help = true } : entry with { Type = true };
                Assert.True(comment.Groups["kind"].Value == "HELP" || types.Contains(comment.Groups["rest"].Value), line);
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"bad sample line: {line}");
            var metric = sample.Groups["name"].Value;
            Assert.True(declared.TryGetValue(metric, out var d) && d.Help && d.Type, $"{metric} has no HELP and TYPE before its samples");
            var labels = Label().Matches(sample.Groups["labels"].Value).ToDictionary(
                m => m.Groups["key"].Value,
                m => Regex.Unescape(m.Groups["value"].Value.Replace("\\\\", "\u0001", StringComparison.Ordinal)).Replace("\u0001", "\\", StringComparison.Ordinal));
            samples.Add(new Sample(metric, labels, double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return samples;
    }

    [GeneratedRegex("^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.+)$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>(?:[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\[\\""n])*"",?)*)\} (?<value>[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|NaN|Inf))$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
