using System.CommandLine;
using System.CommandLine.Help;
using System.Text.Json;
using PgSeq.Cli;
using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cli;

/// <summary>
/// Every option of every command, given malformed values: one error line on standard error and the documented exit code
/// (1; 3 with --format nagios), never a stack trace or a password; with --json the JSON error document on standard
/// output, with --format nagios an UNKNOWN status line. The table of malformed values must name every option, so a new
/// option cannot escape the test.
/// </summary>
public sealed class MalformedArgumentTests : IDisposable
{
    // Nothing listens there: a malformed value that slipped through would fail to connect, and say so.
    private const string Nowhere = "postgresql://postgres@127.0.0.1:1/nowhere";

    private const string Password = "Secret-pw";

    private readonly string _directory = Directory.CreateTempSubdirectory("pgseq-args-").FullName;

    public MalformedArgumentTests()
    {
        File.WriteAllText(BadLinks, "public.s = public.t.id\nnot a link\n");
    }

    private string BadLinks => Path.Combine(_directory, "links.txt");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // For each option, by its name, the malformed ways to give it; an option that takes a value is also tried without
    // one, at the end of the command line. A flag has nothing to malform but the flags it cannot be combined with.
    private Dictionary<string, string[][]> Malformed() => new()
    {
        ["--lang"] = [["de"], [""], [$"postgresql://app:{Password}@db/app"]],
        ["--schema"] = [["a.b"], ["\"open"], [""]],
        ["--exclude-schema"] = [["a.b"], ["\"open"], [""]],
        ["--table"] = [["a.b.c"], ["\"open"], [""]],
        ["--exclude-table"] = [["a.b.c"], ["\"open"], [""]],
        ["--link"] = [["nonsense"], ["=public.t.id"], ["public.s="]],
        ["--links"] = [["/nonexistent/links.txt"], ["/"], [BadLinks], [""]],
        ["--infer-links"] = [["", "--no-infer-links"]],
        ["--no-infer-links"] = [["", "--infer-links"]],
        ["--lock-timeout"] = [["5x"], ["-1s"], [""], ["1e9h"]],
        ["--statement-timeout"] = [["5x"], ["-1s"], [""]],
        ["--warn"] = [["abc"], ["101"], ["-5"], ["95", "--critical", "90"]],
        ["--critical"] = [["abc"], ["150"], ["50"]],
        ["--targets"] = [["/nonexistent/targets.txt"], ["/"], [""]],
        ["--all-databases"] = [],
        ["--strict-names"] = [],
        ["--jobs"] = [["0"], ["65"], ["abc"], ["-1"], ["99999999999"]],
        ["--from"] = [["host=db port=x"], ["postgresql://[::1"], [$"postgresql://app:{Password}@[::1"]],
        ["--format"] = [["xml"], [""], ["nagios", "--json"]],
        ["--json"] = [["", "--format", "table"]],
        ["--series"] = [["some"], ["all"]],
        ["--top"] = [["-1"], ["abc"], ["99999999999"], ["5"]],
        ["--quiet"] = [],
        ["--log"] = [["/nonexistent/dir/pgseq.log"], ["/"], [""]],
        ["--verbose"] = [],
        ["--fail-on-warning"] = [],
        ["--dry-run"] = [],
        ["--sql"] = [["", "--json"], ["", "--format", "nagios"]],
        ["--allow-rewind"] = [],
        ["--margin"] = [["-1"], ["abc"], ["99999999999999999999"]],
        ["--listen"] = [["db.example:9632"], ["127.0.0.1:0"], ["abc"], [":99999"]],
        ["--interval"] = [["100ms"], ["5x"], [""]],
    };

    // A value of "" followed by more arguments is a flag (--json) and what follows it.
    private static string[] Usage(string option, string[] value) => value switch
    {
        ["", .. var rest] when rest.Length > 0 => [option, .. rest],
        _ => [option, .. value],
    };

    [Fact]
    public async Task Every_option_of_every_command_with_a_malformed_value_is_one_line_with_the_documented_exit_code()
    {
        var tree = CommandTree.Build(Texts.English, new CliConsole(TextWriter.Null, TextWriter.Null, false, false), _ => null, new Interrupt());
        var malformed = Malformed();
        var recursive = tree.Root.Options.Where(o => o.Recursive).ToList();
        var runs = 0;
        foreach (var command in tree.Root.Subcommands.Prepend(tree.Root))
        {
            foreach (var option in command.Options.Concat(command == tree.Root ? [] : recursive))
            {
                if (option is HelpOption or VersionOption)
                {
                    continue;
                }

                Assert.True(malformed.TryGetValue(option.Name, out var values), $"no malformed values for {option.Name} of {command.Name}: add them");
                var usages = values.Where(v => !RightFor(command.Name, option.Name, v)).Select(v => Usage(option.Name, v)).ToList();
                if (option.ValueType != typeof(bool))
                {
                    usages.Add([option.Name]);
                }

                if (values.Length > 0 && option.Aliases.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } alias)
                {
                    usages.Add([alias, .. Usage(option.Name, values[0])[1..]]);
                }

                foreach (var usage in usages)
                {
                    foreach (var format in Formats(command.Name, option.Name))
                    {
                        await AssertRefusedAsync([.. Prefix(command, option.Name), .. format, .. usage]);
                        runs++;
                    }
                }
            }
        }

        TestContext.Current.TestOutputHelper!.WriteLine($"{runs} malformed command lines");
    }

    [Fact]
    public async Task Malformed_connections_and_unknown_options_and_commands_are_one_line_too()
    {
        foreach (var args in (string[][])[
            ["check", "host=db port=x"], ["fix", "postgresql://[::1"], ["check", $"postgresql://app:{Password}@db:x/app"], ["serve", "service=foo"],
            ["check", "--json", "port=x"], ["fix", "--format", "nagios", "port=x"], ["check", "--bogus", Nowhere], ["check", "--json", "--bogus"],
            ["frobnicate"], ["--bogus"], [], ["repair-block", "extra"], ["check", "--format", "nagios", "--lang", "de"]])
        {
            await AssertRefusedAsync(args);
        }
    }

    // Serve listens on a port of its own, should a malformed value ever be accepted.
    private static string[] Prefix(Command command, string option) => command.Name switch
    {
        "check" or "fix" => [command.Name, Nowhere],
        "serve" when option != "--listen" => ["serve", "--listen", $"127.0.0.1:{FreePort.Next()}", Nowhere],
        "serve" => ["serve", Nowhere],
        "pgseq" => [],
        _ => [command.Name],
    };

    // --series and --top are malformed in check and fix only without --format prometheus; serve always exports.
    private static bool RightFor(string command, string option, string[] value) =>
        command == "serve" && (option, value) is ("--series", ["all"]) or ("--top", ["5"]);

    // check and fix answer an argument error in the format asked for; --series and --top are right with prometheus, and
    // a second --format is an error of its own.
    private static IEnumerable<string[]> Formats(string command, string option) => command switch
    {
        "check" or "fix" when option is "--series" or "--top" => [[], ["--json"], ["--format", "nagios"]],
        "check" or "fix" when option is "--format" => [[], ["--json"]],
        "check" or "fix" => [[], ["--json"], ["--format", "nagios"], ["--format", "prometheus"]],
        _ => [[]],
    };

    private static async Task AssertRefusedAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var interrupt = new Interrupt();

        // A malformed value that serve accepted would serve until stopped: stop it, and the exit code 0 fails the test.
        using var stop = new Timer(_ => interrupt.Trigger(ExitCodes.Interrupted), null, TimeSpan.FromSeconds(20), Timeout.InfiniteTimeSpan);
        var exitCode = await PgSeqApp.RunAsync(args, new CliConsole(stdout, stderr, false, false), _ => null, interrupt);
        var result = new CliResult(exitCode, stdout.ToString(), stderr.ToString());
        var what = $"pgseq {string.Join(' ', args)}: {result}";

        var json = args.Contains("--json");
        var formats = Enumerable.Range(0, Math.Max(0, args.Length - 1)).Where(i => args[i] == "--format").Select(i => args[i + 1]).Distinct().ToList();
        var nagios = !json && formats is ["nagios"];
        Assert.True(result.ExitCode == (nagios ? 3 : 1), what);
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1 && lines[0].StartsWith("pgseq: error: ", StringComparison.Ordinal), what);
        Assert.False(lines[0].Contains("could not connect", StringComparison.Ordinal), what);
        Assert.False(result.Output.Contains("   at ", StringComparison.Ordinal) || result.Output.Contains("Unhandled", StringComparison.Ordinal), what);
        Assert.False(result.Output.Contains(Password, StringComparison.Ordinal), what);
        if (json && args.FirstOrDefault() is "check" or "fix")
        {
            Assert.True(result.Stdout.StartsWith('{'), what);
            using var document = JsonDocument.Parse(result.Stdout);
            Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("error").GetString()), what);
        }
        else if (nagios && args.FirstOrDefault() is "check" or "fix")
        {
            Assert.StartsWith("PGSEQ UNKNOWN - ", Assert.Single(result.Stdout.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
        }
        else
        {
            Assert.True(result.Stdout.Length == 0, what);
        }
    }
}
