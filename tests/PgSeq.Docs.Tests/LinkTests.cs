using PgSeq.Tests.Infrastructure;

namespace PgSeq.Docs.Tests;

/// <summary>
/// Every link of the documentation that stays in this repository leads somewhere: a relative link to a file or folder
/// that exists, a link with an anchor to a heading of that file (GitHub's anchors), and a link to this repository on
/// GitHub (which the package READMEs use, since nuget.org does not resolve relative links) to a path that exists.
/// </summary>
public sealed class LinkTests
{
    private const string RepositoryOnGitHub = "https://github.com/pgseq/pgseq/";

    private static readonly IReadOnlyList<MarkdownFile> Documentation = MarkdownFile.Documentation();

    [Fact]
    public void Every_relative_link_points_to_a_file_that_exists_and_every_anchor_to_a_heading()
    {
        var links = Documentation.SelectMany(f => f.Links).Where(l => !l.Target.Contains("://", StringComparison.Ordinal) && !l.Target.StartsWith("mailto:", StringComparison.Ordinal)).ToList();

        Assert.True(links.Count > 40, $"only {links.Count} relative links found");
        var broken = links.Select(l => (Link: l, Problem: Problem(FromFile(l)))).Where(b => b.Problem is not null).ToList();
        Assert.True(broken.Count == 0, string.Join('\n', broken.Select(b => $"{b.Link}: {b.Problem}")));
    }

    [Fact]
    public void Every_link_to_this_repository_on_github_points_to_a_path_that_exists()
    {
        var links = Documentation.SelectMany(f => f.Links).Where(l => l.Target.StartsWith(RepositoryOnGitHub, StringComparison.Ordinal)).ToList();

        var broken = links.Select(l => (Link: l, Problem: Problem(FromGitHub(l)))).Where(b => b.Problem is not null).ToList();
        Assert.True(broken.Count == 0, string.Join('\n', broken.Select(b => $"{b.Link}: {b.Problem}")));
    }

    [Fact]
    public void Anchors_are_made_from_headings_as_github_makes_them()
    {
        var slugs = MarkdownFile.Slugs(["How `fix` stays safe on a live database", "After a migration: `--from SOURCE`", "`pgseq serve`", "Options", "Options", "When the application calls `nextval()` itself"]);

        Assert.Equal(["how-fix-stays-safe-on-a-live-database", "after-a-migration---from-source", "pgseq-serve", "options", "options-1", "when-the-application-calls-nextval-itself"], slugs);
    }

    // The repository path and anchor a relative link names, from the folder of its file.
    private static (string Path, string? Anchor) FromFile(MarkdownLink link)
    {
        var (target, anchor) = Split(link.Target);
        var folder = Path.GetDirectoryName(link.File) ?? string.Empty;
        return (target.Length == 0 ? link.File : Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.Root, folder, target))), anchor);
    }

    // https://github.com/pgseq/pgseq/blob/main/docs/library.md#ef-core is docs/library.md and ef-core.
    private static (string Path, string? Anchor) FromGitHub(MarkdownLink link)
    {
        var (target, anchor) = Split(link.Target[RepositoryOnGitHub.Length..]);
        var parts = target.Split('/', 3);
        return (parts is ["blob" or "tree", "main", var path] ? path : target.Length == 0 ? "." : $"(not blob/main or tree/main: {target})", anchor);
    }

    private static (string Target, string? Anchor) Split(string target) =>
        target.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, null);

    private static string? Problem((string Path, string? Anchor) resolved)
    {
        var full = Repository.File(resolved.Path);
        if (resolved.Path.StartsWith("..", StringComparison.Ordinal) || resolved.Path.StartsWith('(') || (!File.Exists(full) && !Directory.Exists(full)))
        {
            return $"{resolved.Path} does not exist";
        }

        if (resolved.Anchor is null)
        {
            return null;
        }

        if (!resolved.Path.EndsWith(".md", StringComparison.Ordinal))
        {
            return $"an anchor into {resolved.Path}, which is not markdown";
        }

        var anchors = (Documentation.FirstOrDefault(f => f.Path == resolved.Path.Replace('\\', '/')) ?? MarkdownFile.Read(resolved.Path)).Anchors;
        return anchors.Contains(resolved.Anchor) ? null : $"no heading of {resolved.Path} has the anchor #{resolved.Anchor} (it has {string.Join(", ", anchors)})";
    }
}
