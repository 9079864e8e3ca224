using PgSeq.Tests.Infrastructure;

namespace PgSeq.Packaging.Tests.Infrastructure;

/// <summary>Runs the programs the packaging tests drive and fails the test with their output when they fail.</summary>
public static class Commands
{
    /// <summary>Runs a program with NO_COLOR and an English locale (pgseq takes its language from LC_ALL).</summary>
    public static Task<ProcessResult> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var merged = new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["LC_ALL"] = "C.UTF-8" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return ProcessRunner.RunAsync(program, arguments, merged, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>Runs a program that must exit 0; returns its stdout.</summary>
    public static async Task<string> SucceedAsync(string program, params string[] arguments)
    {
        var result = await RunAsync(program, arguments);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Output}");
        return result.Stdout;
    }

    /// <summary>The program on PATH, or the end of the test (with the Debian package that has it) when it is not there.</summary>
    public static string Require(string program, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Requirement.Missing($"{program} not found: run ./test.sh, which installs it, or apt-get install -y {package}");
        }

        return found!;
    }
}
