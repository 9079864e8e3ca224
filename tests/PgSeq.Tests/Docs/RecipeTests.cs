using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Docs;

/// <summary>
/// Every command of the documentation that runs pgseq (sh and crontab blocks, the systemd units of the docs and of
/// deploy/) is run as printed, by sh, against a server of the test's own that holds the databases the recipes name, with
/// the incident's drift in each. Only what belongs to the machine is substituted: host, port and user of a connection,
/// the pgseq executable, a free port for serve, and a temporary root for /var and /etc, where /var/log, /var/lib and
/// /etc exist but no directory of pgseq's own does, so a recipe that needs one must make it (as on a fresh host).
/// </summary>
public sealed partial class RecipeTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly string[] Databases = ["mikrokredit", "mikrokredit_db", "app", "billing"];

    private readonly string _root = Directory.CreateTempSubdirectory("pgseq-recipes-").FullName;
    private readonly List<TestDatabase> _databases = [];
    private PostgresServer? _own;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private PostgresServer Own => _own!;

    private string Work => Path.Combine(_root, "work");

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(server.OwnsCluster, "the recipes run --all-databases, which needs a server of the test's own");
        _own = await PostgresServer.StartPrivateAsync();
        foreach (var name in Databases)
        {
            var db = await Own.CreateDatabaseAsync(name);
            await Scenarios.LoadIncidentAsync(db);
            _databases.Add(db);
        }

        // What any host has, and what the admin or another package makes: node_exporter's textfile directory, and the
        // targets and password files the serve unit's comment asks for. Never /var/log/pgseq.
        foreach (var directory in (string[])["work", "var/log", "var/lib/node_exporter", "etc/pgseq"])
        {
            Directory.CreateDirectory(Path.Combine(_root, directory));
        }

        await File.WriteAllLinesAsync(Path.Combine(_root, "etc/pgseq/targets"), [Url("mikrokredit"), Url("app")], Cancel);
        await File.WriteAllTextAsync(Path.Combine(_root, "etc/pgseq/pgpass"), string.Empty, Cancel);
        File.SetUnixFileMode(Path.Combine(_root, "etc/pgseq/pgpass"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _databases)
        {
            await db.DisposeAsync();
        }

        if (_own is not null)
        {
            await _own.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Every_shell_recipe_runs_as_printed_without_an_error()
    {
        var recipes = Recipes.All().Where(r => r is { Kind: RecipeKind.Shell, Serves: false }).ToList();

        Assert.True(recipes.Count >= 10, $"found only {recipes.Count} shell recipes");
        foreach (var recipe in recipes)
        {
            var result = await RunAsync(recipe);

            // 2 is check's finding: every database of the recipes drifted.
            Assert.True(result.ExitCode is 0 or 2, $"{recipe}: exit {result.ExitCode}\n{result.Output}");
            Assert.DoesNotContain("pgseq: error", result.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("-- pgseq fix --sql", await File.ReadAllTextAsync(Path.Combine(Work, "repair.sql"), Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_textfile_recipe_installs_the_metrics_also_when_they_show_drift()
    {
        var recipe = Assert.Single(Recipes.All(), r => r.Command.Contains("--format prometheus >", StringComparison.Ordinal));

        var result = await RunAsync(recipe);

        Assert.True(result.ExitCode == 0, $"{recipe}\n{result.Output}");
        var metrics = await File.ReadAllTextAsync(Path.Combine(_root, "var/lib/node_exporter/pgseq.prom"), Cancel);
        Assert.Matches(@"pgseq_drift\{[^}]*database=""mikrokredit""[^}]*sequence=""public\.loans_id_seq""[^}]*\} 1\n", metrics);
        Assert.False(File.Exists(Path.Combine(_root, "var/lib/node_exporter/pgseq.prom.tmp")));
    }

    [Fact]
    public async Task The_cron_line_repairs_and_logs_on_a_host_without_its_log_directory()
    {
        var recipe = Assert.Single(Recipes.All(), r => r.Kind == RecipeKind.Cron);
        Assert.False(Directory.Exists(Path.Combine(_root, "var/log/pgseq")));

        var result = await RunAsync(recipe);

        Assert.True(result.ExitCode == 0, $"{recipe}\n{result.Output}");
        Assert.Empty(result.Stderr);
        var log = await File.ReadAllTextAsync(Path.Combine(_root, "var/log/pgseq/mikrokredit.log"), Cancel);
        Assert.Contains("event=repaired sequence=public.loans_id_seq before=2 after=29", log, StringComparison.Ordinal);
        Assert.Equal((28L, true), await _databases[1].SequenceStateAsync("loans_id_seq"));
    }

    [Fact]
    public async Task Every_systemd_unit_that_runs_a_command_logs_where_systemd_makes_the_directory()
    {
        var recipes = Recipes.All().Where(r => r is { Kind: RecipeKind.Systemd, Serves: false }).ToList();

        Assert.NotEmpty(recipes);
        foreach (var recipe in recipes)
        {
            foreach (Match log in LogUnderVarLog().Matches(recipe.Command))
            {
                Assert.True(recipe.LogsDirectories.Contains(log.Groups["directory"].Value), $"{recipe}: nothing creates /var/log/{log.Groups["directory"].Value} (LogsDirectory=)");
            }

            // As systemd does before ExecStart.
            foreach (var directory in recipe.LogsDirectories)
            {
                Directory.CreateDirectory(Path.Combine(_root, "var/log", directory));
            }

            var result = await RunAsync(recipe);

            Assert.True(result.ExitCode == 0, $"{recipe}\n{result.Output}");
            Assert.Contains("event=checked", await File.ReadAllTextAsync(Localize(LogUnderVarLog().Match(recipe.Command).Value.Trim()), Cancel), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_serve_recipe_serves_the_metrics_and_stops_with_exit_0_on_sigterm()
    {
        var recipes = Recipes.All().Where(r => r.Serves).ToList();

        Assert.True(recipes.Count >= 4, $"found only {recipes.Count} serve recipes");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var recipe in recipes)
        {
            var port = FreePort.Next();
            var command = Localize(recipe.Command, port);
            if (!command.Contains("--listen", StringComparison.Ordinal))
            {
                // Before a trailing comment, which would swallow it.
                var comment = TrailingComment().Match(command);
                command = command.Insert(comment.Success ? comment.Index : command.Length, $" --listen 127.0.0.1:{port}");
            }

            using var process = ProcessRunner.Start("sh", ["-c", $"cd '{Work}' && exec {command}"], Environment(recipe));
            var stdout = process.StandardOutput.ReadToEndAsync(Cancel);
            var stderr = process.StandardError.ReadToEndAsync(Cancel);
            try
            {
                await Eventually.HoldsAsync(
                    async () => !process.HasExited && (await Metrics(http, port)).Contains("pgseq_check_success{", StringComparison.Ordinal),
                    TimeSpan.FromSeconds(60),
                    $"{recipe} has checked a target");
            }
            finally
            {
                await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)], cancellationToken: Cancel);
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(limit.Token);
            }

            Assert.True(process.ExitCode == 0, $"{recipe}: exit {process.ExitCode}\n{await stdout}{await stderr}");
            Assert.DoesNotContain("pgseq: error", await stderr, StringComparison.Ordinal);
        }
    }

    private static async Task<string> Metrics(HttpClient http, int port)
    {
        try
        {
            return await http.GetStringAsync($"http://127.0.0.1:{port}/metrics", Cancel);
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }

    // Every recipe finds the incident's drift, as the docs show it.
    private async Task<ProcessResult> RunAsync(Recipe recipe)
    {
        foreach (var db in _databases)
        {
            await db.ExecuteAsync("SELECT setval('loans_id_seq', 2, false), setval('installments_id_seq', 1, false)");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        var clock = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync("sh", ["-c", $"cd '{Work}' && {Localize(recipe.Command)}"], Environment(recipe), cancellationToken: limit.Token);
        TestContext.Current.TestOutputHelper?.WriteLine($"{recipe}: exit {result.ExitCode} in {clock.ElapsedMilliseconds} ms");
        Assert.False(result.Output.Contains("Unhandled", StringComparison.Ordinal) || result.Output.Contains("   at ", StringComparison.Ordinal), result.Output);
        return result;
    }

    // The machine's part of a command: connection host, port and user; the executable; /var and /etc; serve's port.
    private string Localize(string command, int? port = null)
    {
        var local = Connection().Replace(command, $"postgresql://{Own.SuperUser}@{Own.Host}:{Own.Port}/");
        local = Executable().Replace(local, Path.Combine(AppContext.BaseDirectory, "pgseq"));
        local = SystemPath().Replace(local, "${before}" + _root + "/${top}/");
        return port is { } free ? local.Replace(":9632", $":{free}", StringComparison.Ordinal) : local;
    }

    private Dictionary<string, string?> Environment(Recipe recipe)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = $"{AppContext.BaseDirectory}:{System.Environment.GetEnvironmentVariable("PATH")}",
            ["HOME"] = Work,
            ["PGHOST"] = Own.Host,
            ["PGPORT"] = Own.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = Own.SuperUser,
            ["NO_COLOR"] = "1",
            ["DATABASE_URL"] = null,
            ["PGDATABASE"] = null,
            ["PGPASSWORD"] = null,
            ["PGPASSFILE"] = null,
            ["PGSERVICE"] = null,
        };
        foreach (var (key, value) in recipe.Environment)
        {
            environment[key] = Localize(value);
        }

        return environment;
    }

    private string Url(string database) => $"postgresql://{Own.SuperUser}@{Own.Host}:{Own.Port}/{database}";

    [GeneratedRegex(@"postgresql://[^@\s/'""]+@[^/\s'""]+/")]
    private static partial Regex Connection();

    [GeneratedRegex(@"(?<before>^|[\s=>'""])/(?<top>var|etc)/")]
    private static partial Regex SystemPath();

    // Where the package (/usr/bin) or a copy by hand (/usr/local/bin) puts it.
    [GeneratedRegex(@"/usr(/local)?/bin/pgseq\b")]
    private static partial Regex Executable();

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"(?<=--log )/var/log/(?<directory>[^/\s]+)/\S+")]
    private static partial Regex LogUnderVarLog();
}
