namespace PgSeq.Tests.Infrastructure;

/// <summary>
/// The real-world schemas in ../shared/corpus (beside the repository; PGSEQ_CORPUS overrides). Tests that need them
/// skip with a message when the folder is absent, except on CI (CI=true), where its absence is a failure.
/// </summary>
public static class SchemaCorpus
{
    public static string Directory()
    {
        var configured = Environment.GetEnvironmentVariable("PGSEQ_CORPUS");
        var directory = !string.IsNullOrEmpty(configured) ? configured : Path.Combine(Repository.Root, "..", "shared", "corpus");
        if (System.IO.Directory.Exists(Path.Combine(directory, "real")))
        {
            return Path.GetFullPath(directory);
        }

        Requirement.Missing($"the schema corpus is not at {Path.GetFullPath(directory)} (set PGSEQ_CORPUS to its folder)");
        return directory;
    }

    /// <summary>Loads a schema the way corpus/README.md says: prep.sql, then NN-*.sql in order, in one psql session.</summary>
    public static async Task LoadAsync(string name, string url)
    {
        var folder = Path.Combine(Directory(), "real", name);
        var arguments = new List<string> { url, "-X", "-q", "-v", "ON_ERROR_STOP=1" };
        var files = System.IO.Directory.GetFiles(folder, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files.Where(f => f == "prep.sql").Concat(files.Where(f => char.IsDigit(f![0]))))
        {
            arguments.AddRange(["-f", Path.Combine(folder, file!)]);
        }

        Check(await ProcessRunner.RunAsync(PostgresBinaries.Program("psql"), arguments), $"loading {name}");
    }

    /// <summary>Runs make_drift.sh: an import with explicit ids into every table with a sequence-backed column.</summary>
    public static async Task<string> DriftAsync(string url)
    {
        // make_drift.sh runs psql, which builds of the server programs alone lack (see PostgresBinaries.ClientDirectory).
        var path = string.Join(Path.PathSeparator, new[] { PostgresBinaries.Directory(), PostgresBinaries.ClientDirectory(), Environment.GetEnvironmentVariable("PATH") }.OfType<string>());
        var result = await ProcessRunner.RunAsync("bash", [Path.Combine(Directory(), "make_drift.sh"), url], new Dictionary<string, string?> { ["PATH"] = path });
        Check(result, "make_drift.sh");
        return result.Stdout.TrimEnd().Split('\n')[^1];
    }

    private static void Check(ProcessResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed with exit code {result.ExitCode}:\n{result.Output}");
        }
    }
}
