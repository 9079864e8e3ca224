using PgSeq.Tests.Infrastructure;

namespace PgSeq.Docs.Tests;

/// <summary>
/// Every ```csharp block of the documentation is a region of Snippets/, word for word, so the compiler checks what a
/// reader copies; and every region is shown somewhere, so no snippet is compiled for nothing.
/// </summary>
public sealed class SnippetTests
{
    private static readonly IReadOnlyList<CodeBlock> Blocks =
        [.. MarkdownFile.Documentation().SelectMany(f => f.CodeBlocks).Where(b => b.Language is "csharp" or "cs" or "c#")];

    private static readonly IReadOnlyList<CompiledSnippet> Snippets = CompiledSnippet.All();

    [Fact]
    public void Every_csharp_block_of_the_documentation_is_a_compiled_snippet_word_for_word()
    {
        Assert.NotEmpty(Blocks);
        var compiled = Snippets.Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        var strays = Blocks.Where(b => !compiled.Contains(Normalized(b.Text))).ToList();

        Assert.True(strays.Count == 0, $"""
            These ```csharp blocks are not, word for word, a #region of {CompiledSnippet.Folder} (which the build compiles):
            {string.Join("\n", strays.Select(b => $"{b}\n{b.Text}\n"))}
            Put each one in a region there (or change the region to match), so that what the page shows compiles.
            """);
    }

    [Fact]
    public void Every_compiled_snippet_is_shown_in_the_documentation()
    {
        Assert.NotEmpty(Snippets);
        var shown = Blocks.Select(b => Normalized(b.Text)).ToHashSet(StringComparer.Ordinal);

        Assert.All(Snippets, s => Assert.True(shown.Contains(s.Text), $"{s} is shown in no ```csharp block of the documentation"));
    }

    [Fact]
    public void Every_markdown_file_of_the_documentation_is_read()
    {
        var files = MarkdownFile.Documentation().Select(f => f.Path).ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("CHANGELOG.md", files);
        Assert.Contains("docs/library.md", files);
        Assert.Contains("src/PgSeq/README.md", files);
        Assert.Contains("src/PgSeq.Cli/README.md", files);
        Assert.Contains("src/PgSeq.EntityFrameworkCore/README.md", files);
        Assert.Contains("src/PgSeq.HealthChecks/README.md", files);
    }

    // Line ends and the blank lines around a block do not count.
    private static string Normalized(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
}
