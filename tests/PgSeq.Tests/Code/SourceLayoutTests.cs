using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Code;

/// <summary>The shape of the shipped code that reviewers rely on: files of one concept, lines that fit a screen.</summary>
public sealed class SourceLayoutTests
{
    private const int MaxLineLength = 150;
    private const int MaxFileLines = 300;

    [Fact]
    public void No_line_of_the_shipped_code_is_longer_than_150_characters()
    {
        var tooLong = Sources().SelectMany(file => File.ReadLines(file).Select((line, index) => (file, index, line)))
            .Where(l => l.line.Length > MaxLineLength)
            .Select(l => $"{Relative(l.file)}:{l.index + 1} ({l.line.Length} characters)")
            .ToList();
        Assert.True(tooLong.Count == 0, "lines over 150 characters:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void Every_file_of_the_shipped_code_holds_one_concept_in_at_most_300_lines()
    {
        var big = Sources().Select(file => (file, lines: File.ReadLines(file).Count()))
            .Where(f => f.lines > MaxFileLines)
            .Select(f => $"{Relative(f.file)} ({f.lines} lines)")
            .ToList();
        Assert.True(big.Count == 0, "files over 300 lines:\n" + string.Join('\n', big));
    }

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Repository.File("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(Repository.Root, file);
}
