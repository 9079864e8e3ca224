using System.Text;
using System.Text.RegularExpressions;

namespace PgSeq.Tests.Infrastructure;

/// <summary>A fenced code block of a markdown file: its language (the word after the fence) and its text.</summary>
public sealed record CodeBlock(string File, int Line, string Language, string Text)
{
    public override string ToString() => $"{File}:{Line} ```{Language}";
}

/// <summary>An inline link <c>[text](target)</c> of a markdown file, outside code.</summary>
public sealed record MarkdownLink(string File, int Line, string Target)
{
    public override string ToString() => $"{File}:{Line} ({Target})";
}

/// <summary>
/// A markdown file of this repository, read as the documentation tests need it: its fenced code blocks, its links and
/// the anchors GitHub gives its headings. Not a markdown parser: it knows the subset the documentation is written in
/// (fences at the start of a line, ATX headings, inline links), which the tests that use it hold the files to.
/// </summary>
public sealed partial class MarkdownFile
{
    private MarkdownFile(string path, IReadOnlyList<CodeBlock> codeBlocks, IReadOnlyList<MarkdownLink> links, IReadOnlySet<string> anchors)
    {
        Path = path;
        CodeBlocks = codeBlocks;
        Links = links;
        Anchors = anchors;
    }

    /// <summary>The file's path from the repository root, with forward slashes.</summary>
    public string Path { get; }

    public IReadOnlyList<CodeBlock> CodeBlocks { get; }

    public IReadOnlyList<MarkdownLink> Links { get; }

    /// <summary>The fragment of each heading's link, as GitHub makes it: <c>## How `fix` stays safe</c> is <c>how-fix-stays-safe</c>.</summary>
    public IReadOnlySet<string> Anchors { get; }

    /// <summary>The documentation a user reads: the README, the changelog, docs/ and each package's README.</summary>
    public static IReadOnlyList<MarkdownFile> Documentation()
    {
        var docs = Directory.GetFiles(Repository.File("docs"), "*.md");
        var packages = Directory.GetDirectories(Repository.File("src")).Select(d => System.IO.Path.Combine(d, "README.md")).Where(File.Exists);
        return [.. new[] { Repository.File("README.md"), Repository.File("CHANGELOG.md") }.Concat(docs).Concat(packages)
            .Select(f => Read(System.IO.Path.GetRelativePath(Repository.Root, f)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>Reads a markdown file given by its path from the repository root.</summary>
    public static MarkdownFile Read(string path)
    {
        path = path.Replace('\\', '/');
        var lines = File.ReadAllText(Repository.File(path)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<CodeBlock>();
        var headings = new List<string>();
        // The prose with code blocked out line for line and inline code column for column, so that links are found
        // only where they are links and keep their line numbers.
        var prose = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                var start = i;
                var code = new List<string>();
                while (++i < lines.Length && lines[i] != "```")
                {
                    code.Add(lines[i]);
                }

                blocks.Add(new CodeBlock(path, start + 1, lines[start][3..].Trim(), string.Join('\n', code)));
                prose.Append('\n', i - start + 1);
                continue;
            }

            if (Heading().Match(lines[i]) is { Success: true } heading)
            {
                headings.Add(heading.Groups["text"].Value);
            }

            prose.Append(lines[i]).Append('\n');
        }

        var text = InlineCode().Replace(prose.ToString(), m => Regex.Replace(m.Value, "[^\n]", "x"));
        var links = Link().Matches(text)
            .Select(m => new MarkdownLink(path, text[..m.Index].Count(c => c == '\n') + 1, m.Groups["target"].Value))
            .ToList();
        return new MarkdownFile(path, blocks, links, Slugs(headings));
    }

    /// <summary>GitHub's heading anchors: the text as rendered, lower case, without punctuation, spaces as hyphens, repeats numbered.</summary>
    public static IReadOnlySet<string> Slugs(IEnumerable<string> headings)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in headings)
        {
            var rendered = HeadingLink().Replace(heading, "${text}").Replace("`", string.Empty, StringComparison.Ordinal);
            var slug = new string([.. rendered.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').Select(c => c == ' ' ? '-' : c)]);
            var unique = slug;
            for (var n = 1; !slugs.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }
        }

        return slugs;
    }

    [GeneratedRegex(@"^#{1,6} +(?<text>.+?)(?: +#+)? *$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?: +""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex HeadingLink();
}
