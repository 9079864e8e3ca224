using System.Text.RegularExpressions;
using PgSeq.Packaging.Tests.Infrastructure;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Packaging.Tests;

/// <summary>The .deb as a DBA installs it: dpkg -i, pgseq from /usr/bin, man, Tab, systemd, dpkg --purge.</summary>
public sealed partial class DebianPackageTests(PostgresServer server) : IDisposable
{
    private static readonly string[] Units = ["pgseq-serve.service", "pgseq-fix.service", "pgseq-fix.timer"];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("pgseq-deb-");

    [Fact]
    public async Task Lintian_finds_no_error_in_the_package()
    {
        var lintian = Commands.Require("lintian", "lintian");

        var result = await Commands.RunAsync(lintian, ["--fail-on", "error", Artifacts.Find(Artifacts.DebPackage)]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotMatch("(?m)^E: ", result.Stdout);
    }

    [Fact]
    public async Task The_package_puts_each_file_where_debian_looks_for_it()
    {
        var files = await Commands.SucceedAsync(Commands.Require("dpkg-deb", "dpkg"), "-c", Artifacts.Find(Artifacts.DebPackage));
        var commands = HelpCommands(await Commands.SucceedAsync(await ExtractedPgSeqAsync(), "--help"));

        var executable = files.Split('\n').Single(l => l.EndsWith("./usr/bin/pgseq", StringComparison.Ordinal));
        Assert.Contains("-rwxr-xr-x root/root", executable, StringComparison.Ordinal);
        Assert.Contains("./usr/share/bash-completion/completions/pgseq", files, StringComparison.Ordinal);
        Assert.Contains("./etc/pgseq/targets", files, StringComparison.Ordinal);
        Assert.Contains("./usr/share/man/man1/pgseq.1.gz", files, StringComparison.Ordinal);
        Assert.Equal(["check", "fix", "repair-block", "serve"], commands);
        Assert.All(commands, c => Assert.Contains($"./usr/share/man/man1/pgseq-{c}.1.gz", files, StringComparison.Ordinal));
        Assert.All(Units, u => Assert.Contains($"./lib/systemd/system/{u}", files, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Completion_offers_exactly_the_options_each_commands_help_lists()
    {
        var pgseq = await ExtractedPgSeqAsync();
        var script = Path.Combine(_work.FullName, "root", "usr", "share", "bash-completion", "completions", "pgseq");

        var commands = await CompleteAsync(script, pgseq, "pgseq ");
        Assert.Equal(HelpCommands(await Commands.SucceedAsync(pgseq, "--help")), commands.Where(c => char.IsLetter(c[0])));
        foreach (var command in commands.Where(c => char.IsLetter(c[0])))
        {
            var offered = (await CompleteAsync(script, pgseq, $"pgseq {command} -")).Order(StringComparer.Ordinal);
            var listed = HelpOptions(await Commands.SucceedAsync(pgseq, command, "--help")).Order(StringComparer.Ordinal);
            Assert.True(listed.SequenceEqual(offered),
                $"pgseq {command} --help lists: {string.Join(' ', listed)}\ncompletion offers: {string.Join(' ', offered)}");
        }

        Assert.Equal(["json", "nagios", "prometheus", "table"], await CompleteAsync(script, pgseq, "pgseq check --format "));
    }

    [Fact]
    public async Task Installed_with_dpkg_pgseq_works_from_usr_bin_and_a_purge_leaves_nothing_behind()
    {
        await Dpkg.RequireConsentAsync();
        var man = Commands.Require("man", "man-db");
        var analyze = Commands.Require("systemd-analyze", "systemd");
        if (!File.Exists("/usr/share/bash-completion/bash_completion"))
        {
            Requirement.Missing("bash-completion is not installed: run ./test.sh, which installs it, or apt-get install -y bash-completion");
        }

        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        try
        {
            await Dpkg.SucceedAsync("-i", Artifacts.Find(Artifacts.DebPackage));

            var check = await Commands.RunAsync("/usr/bin/pgseq", ["check", db.ConnectionStringForPsql()]);
            Assert.True(check.ExitCode == 2, check.Output);
            Assert.Contains("2 sequences checked: 2 drift.", check.Stdout, StringComparison.Ordinal);
            foreach (var page in new[] { "pgseq", "pgseq-check", "pgseq-fix", "pgseq-repair-block", "pgseq-serve" })
            {
                Assert.Equal($"/usr/share/man/man1/{page}.1.gz", (await Commands.SucceedAsync(man, "-w", page)).Trim());
            }

            // bash-completion loads the script from its directory on the first Tab, as it does for every command.
            var completion = await Commands.SucceedAsync("/bin/bash", "-c", """
                . /usr/share/bash-completion/bash_completion
                _completion_loader pgseq
                complete -p pgseq
                COMP_LINE='pgseq check --form'; COMP_POINT=${#COMP_LINE}
                _pgseq pgseq
                printf '%s\n' "${COMPREPLY[@]}"
                """);
            Assert.Equal("complete -o default -F _pgseq pgseq\n--format\n", completion);

            // What the timer starts, as the administrator sets it up: the database in /etc/pgseq/targets, a password
            // file, and the unit's own command line run as the pgseq user, in the log directory systemd would make.
            var cancel = TestContext.Current.CancellationToken;
            await File.WriteAllTextAsync("/etc/pgseq/targets", db.ConnectionStringForPsql() + "\n", cancel);
            await File.WriteAllTextAsync("/etc/pgseq/pgpass", "# no password: the test server trusts 127.0.0.1\n", cancel);
            await Commands.SucceedAsync("install", "-d", "-o", "pgseq", "-g", "pgseq", "-m", "0755", "/var/log/pgseq");
            await Commands.SucceedAsync("chown", "pgseq:pgseq", "/etc/pgseq/pgpass");
            File.SetUnixFileMode("/etc/pgseq/pgpass", UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var execStart = File.ReadAllLines("/lib/systemd/system/pgseq-fix.service")
                .Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..].Split(' ');
            var fix = await Commands.RunAsync("runuser", ["-u", "pgseq", "--", "env", "PGPASSFILE=/etc/pgseq/pgpass", .. execStart]);
            Assert.True(fix.ExitCode == 0, fix.Output);
            var log = await File.ReadAllTextAsync("/var/log/pgseq/fix.log", cancel);
            Assert.Contains("event=repaired sequence=public.loans_id_seq before=2 after=29", log, StringComparison.Ordinal);

            var verify = await Commands.RunAsync(analyze, ["verify", .. Units.Select(u => $"/lib/systemd/system/{u}")]);
            Assert.True(verify.ExitCode == 0 && verify.Output.Length == 0, verify.Output);
            var user = (await Commands.SucceedAsync("getent", "passwd", "pgseq")).Split(':');
            Assert.True(int.Parse(user[2], System.Globalization.CultureInfo.InvariantCulture) < 1000, string.Join(':', user));
            Assert.Equal("/usr/sbin/nologin", user[6].Trim());

            await Dpkg.SucceedAsync("-r", "pgseq");
            Assert.False(File.Exists("/usr/bin/pgseq"));
            Assert.True(File.Exists("/etc/pgseq/targets"), "dpkg -r keeps the configuration files");
            Assert.True(File.Exists("/var/log/pgseq/fix.log"), "dpkg -r keeps the logs");

            await Dpkg.SucceedAsync("--purge", "pgseq");
            Assert.False(await Dpkg.IsInstalledAsync());
            Assert.False(Directory.Exists("/etc/pgseq"), "the changed targets and the password file are gone");
            Assert.False(Directory.Exists("/var/log/pgseq"));
            Assert.All(Units, u => Assert.False(File.Exists($"/lib/systemd/system/{u}")));
            Assert.Equal(2, (await Commands.RunAsync("getent", ["passwd", "pgseq"])).ExitCode);
            Assert.Equal(2, (await Commands.RunAsync("getent", ["group", "pgseq"])).ExitCode);
        }
        finally
        {
            if (await Dpkg.IsInstalledAsync())
            {
                await Dpkg.RunAsync("--purge", "pgseq");
            }
        }
    }

    public void Dispose() => _work.Delete(recursive: true);

    /// <summary>Unpacks the .deb (dpkg-deb -x, no install) and returns its pgseq.</summary>
    private async Task<string> ExtractedPgSeqAsync()
    {
        var root = Path.Combine(_work.FullName, "root");
        if (!Directory.Exists(root))
        {
            await Commands.SucceedAsync(Commands.Require("dpkg-deb", "dpkg"), "-x", Artifacts.Find(Artifacts.DebPackage), root);
        }

        return Path.Combine(root, "usr", "bin", "pgseq");
    }

    /// <summary>What the completion script offers for <paramref name="line"/>, Tab pressed at its end.</summary>
    private static async Task<string[]> CompleteAsync(string script, string pgseq, string line)
    {
        var output = await Commands.SucceedAsync("/bin/bash", "-c", """
            . "$1"
            COMP_LINE=$3; COMP_POINT=${#COMP_LINE}
            _pgseq "$2"
            printf '%s\n' "${COMPREPLY[@]}"
            """, "bash", script, pgseq, line);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The commands under "Commands:" in pgseq --help.</summary>
    private static string[] HelpCommands(string help) =>
        [.. Section(help, "Commands").Select(l => CommandName().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    /// <summary>Every alias under "Options:" in a --help, such as -j and --jobs.</summary>
    private static IEnumerable<string> HelpOptions(string help) =>
        Section(help, "Options").Select(l => OptionAliases().Match(l)).Where(m => m.Success)
            .SelectMany(m => m.Groups[1].Value.Split(", "));

    private static IEnumerable<string> Section(string help, string name) =>
        help.Split('\n').SkipWhile(l => l != name + ":").Skip(1).TakeWhile(l => l.Length > 0);

    [GeneratedRegex("^  ([a-z][a-z-]*)")]
    private static partial Regex CommandName();

    [GeneratedRegex("^  (-[^ ,<]*(?:, -[^ ,<]*)*)")]
    private static partial Regex OptionAliases();
}
