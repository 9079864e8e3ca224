namespace PgSeq.Tests.Infrastructure;

/// <summary>
/// Text pinned in a file of the repository (a public API, the final text of generated SQL): a change shows up as a
/// failed test and, once intended, as a diff of the file. Run the tests with PGSEQ_UPDATE_APPROVED=1 to write the new
/// text, then review the diff.
/// </summary>
public static class ApprovedFile
{
    /// <summary>Asserts that <paramref name="actual"/> is the text of the approved file at <paramref name="path"/> (below
    /// the repository root); with PGSEQ_UPDATE_APPROVED=1 (or the older PGSEQ_UPDATE_API=1), writes it there first.</summary>
    public static void Verify(string actual, params string[] path)
    {
        var file = Repository.File(path);
        if (Environment.GetEnvironmentVariable("PGSEQ_UPDATE_APPROVED") == "1" || Environment.GetEnvironmentVariable("PGSEQ_UPDATE_API") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
        }

        Assert.True(File.Exists(file), $"{string.Join('/', path)} does not exist yet: run the tests with PGSEQ_UPDATE_APPROVED=1 and review it");
        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings(), actual.ReplaceLineEndings());
    }
}
