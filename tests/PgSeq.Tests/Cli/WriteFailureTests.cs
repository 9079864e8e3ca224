using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cli;

/// <summary>
/// Files and streams pgseq writes that cannot be written: the --log file is checked before any work (one error, exit 1,
/// nothing changed); a log or standard output that fails part-way costs only what it could not hold, never the run or
/// the rest of the report, and is one line on standard error.
/// </summary>
public sealed class WriteFailureTests(PostgresServer server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pgseq-write-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<TestDatabase> IncidentAsync()
    {
        var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        return db;
    }

    private static void AssertOneErrorLine(CliResult result, string expected)
    {
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("pgseq: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_file_in_a_missing_directory_is_one_error_before_anything_is_repaired()
    {
        await using var db = await IncidentAsync();
        var log = Path.Combine(_directory, "pgseq", "mikrokredit.log");

        var result = await CliRunner.RunAsync("fix", "--quiet", "--log", log, db.ConnectionStringForPsql());

        Assert.True(result.ExitCode == 1, result.ToString());
        AssertOneErrorLine(result, $"cannot write the log file {log}: the directory {Path.GetDirectoryName(log)} does not exist; create it (mkdir -p ");
        Assert.Empty(result.Stdout);
        Assert.Equal((2L, false), await db.SequenceStateAsync("loans_id_seq"));
    }

    [Fact]
    public async Task A_log_path_that_is_a_directory_is_one_error_before_anything_is_repaired_in_every_format()
    {
        await using var db = await IncidentAsync();

        foreach (var format in (string[][])[[], ["--json"], ["--format", "prometheus"], ["--sql"]])
        {
            var result = await CliRunner.RunAsync(["fix", .. format, "--log", _directory, db.ConnectionStringForPsql()]);

            Assert.True(result.ExitCode == 1, result.ToString());
            AssertOneErrorLine(result, $"cannot write the log file {_directory}: it is a directory; give a file in it, such as {_directory}/pgseq.log");
        }

        var nagios = await CliRunner.RunAsync("check", "--format", "nagios", "--log", _directory, db.ConnectionStringForPsql());
        Assert.True(nagios.ExitCode == 3, nagios.ToString());
        Assert.Equal((2L, false), await db.SequenceStateAsync("loans_id_seq"));
    }

    [Fact]
    public async Task A_log_file_that_fails_part_way_costs_the_log_its_lines_not_the_repairs_or_their_report()
    {
        await using var db = await IncidentAsync();

        // /dev/full opens like a file and refuses every write with ENOSPC, as a full disk would after the check.
        var result = await CliRunner.RunAsync("fix", "--log", "/dev/full", db.ConnectionStringForPsql());

        Assert.True(result.ExitCode == 1, result.ToString());
        AssertOneErrorLine(result, "could not append to the log file /dev/full: No space left on device");
        Assert.Contains("2 sequences: 2 repaired.", result.Stdout, StringComparison.Ordinal);
        Assert.Equal((28L, true), await db.SequenceStateAsync("loans_id_seq"));
    }

    [Fact]
    public async Task Standard_output_that_fails_part_way_stops_neither_the_repairs_nor_the_log()
    {
        await using var db = await IncidentAsync();
        var log = Path.Combine(_directory, "fix.log");

        var result = await ProcessRunner.RunAsync(
            "sh", ["-c", $"exec \"$0\" fix --json --log \"$1\" \"$2\" > /dev/full", Path.Combine(AppContext.BaseDirectory, "pgseq"), log, db.ConnectionStringForPsql()],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 1, result.Output);
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("pgseq: error: could not write standard output: No space left on device; the report is incomplete (--log FILE keeps a record of every run)", line);
        Assert.Equal((28L, true), await db.SequenceStateAsync("loans_id_seq"));
        Assert.Contains("event=checked database=" + db.Name + " sequences=2 ok=2 drift=0 repaired=2", await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
