using PgSeq.Tests.Infrastructure;

namespace PgSeq.Packaging.Tests.Infrastructure;

/// <summary>
/// Installs and removes the pgseq Debian package on this machine with dpkg. Only where that is safe: as root, and on
/// CI (CI=true) or when asked (PGSEQ_TEST_DPKG=1), and never over a pgseq package that something else installed.
/// </summary>
public static class Dpkg
{
    /// <summary>Ends the test unless this run may install the package.</summary>
    public static async Task RequireConsentAsync()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && Environment.GetEnvironmentVariable("PGSEQ_TEST_DPKG") != "1")
        {
            Assert.Skip("installs the .deb on this machine with dpkg: runs on CI, or with PGSEQ_TEST_DPKG=1 (as root)");
        }

        if (Environment.UserName != "root")
        {
            Requirement.Missing("dpkg -i needs root: run the packaging tests as root");
        }

        Commands.Require("dpkg", "dpkg");
        if (await IsInstalledAsync())
        {
            Requirement.Missing(
                "a pgseq package is already installed here (dpkg -s pgseq); remove it (dpkg --purge pgseq) for the test to install its own");
        }
    }

    /// <summary>Whether dpkg knows the package in any state but not-installed (config-files counts).</summary>
    public static async Task<bool> IsInstalledAsync()
    {
        var status = await Commands.RunAsync("dpkg-query", ["-W", "-f=${db:Status-Status}", "pgseq"]);
        return status.ExitCode == 0 && status.Stdout is not ("" or "not-installed");
    }

    /// <summary>Runs dpkg, waiting (up to two minutes) while apt or another dpkg holds its lock.</summary>
    public static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var result = await Commands.RunAsync("dpkg", arguments, new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" });
            if (result.ExitCode == 0 || !result.Stderr.Contains("lock", StringComparison.OrdinalIgnoreCase) || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Runs dpkg with arguments that must succeed.</summary>
    public static async Task SucceedAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"dpkg {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Output}");
    }
}
