using System.Text.RegularExpressions;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Docs.Tests;

/// <summary>
/// A region of a file in Snippets/: C# that this project compiles and that the documentation shows. Its text is the
/// lines between <c>#region</c> and <c>#endregion</c>, less the indentation they share.
/// </summary>
public sealed partial record CompiledSnippet(string File, int Line, string Name, string Text)
{
    /// <summary>The folder the snippets live in, from the repository root.</summary>
    public const string Folder = "tests/PgSeq.Docs.Tests/Snippets";

    public override string ToString() => $"{File}:{Line} #region {Name}";

    public static IReadOnlyList<CompiledSnippet> All()
    {
        var snippets = new List<CompiledSnippet>();
        foreach (var path in Directory.GetFiles(Repository.File(Folder), "*.cs").Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
            var lines = System.IO.File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (Region().Match(lines[i]) is not { Success: true } region)
                {
                    continue;
                }

                var start = i;
                var body = new List<string>();
                while (++i < lines.Length && !lines[i].TrimStart().StartsWith("#endregion", StringComparison.Ordinal))
                {
                    body.Add(lines[i]);
                }

                snippets.Add(new CompiledSnippet(file, start + 1, region.Groups["name"].Value, Dedent(body)));
            }
        }

        return snippets;
    }

    private static string Dedent(List<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' '))).Trim('\n');
    }

    [GeneratedRegex(@"^\s*#region\s+(?<name>.+?)\s*$")]
    private static partial Regex Region();
}
