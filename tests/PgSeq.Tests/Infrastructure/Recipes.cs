using System.Text.RegularExpressions;

namespace PgSeq.Tests.Infrastructure;

/// <summary>Where a recipe was printed, and how its command is run: from a shell, by cron, or by systemd.</summary>
public enum RecipeKind
{
    Shell,
    Cron,
    Systemd,
}

/// <summary>
/// One command of the documentation that runs pgseq, as printed: a line of a <c>sh</c> block, the command of a
/// <c>crontab</c> line (after its five schedule fields), or the <c>ExecStart=</c> of a systemd unit, with what the
/// unit sets around it (<c>Environment=</c>, and <c>LogsDirectory=</c>, which systemd creates before it starts).
/// </summary>
public sealed record Recipe(string Source, RecipeKind Kind, string Command)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Directories under /var/log the unit has systemd create (LogsDirectory=).</summary>
    public IReadOnlyList<string> LogsDirectories { get; init; } = [];

    public bool Serves => Command.Contains("pgseq serve", StringComparison.Ordinal);

    public override string ToString() => $"{Source}: {Command}";
}

/// <summary>Every recipe of the documentation a user reads (README, docs/, package READMEs) and of the systemd units in
/// deploy/, in the order printed.</summary>
public static partial class Recipes
{
    public static IReadOnlyList<Recipe> All()
    {
        var recipes = new List<Recipe>();
        foreach (var block in MarkdownFile.Documentation().SelectMany(f => f.CodeBlocks))
        {
            var source = block.ToString();
            switch (block.Language)
            {
                case "sh":
                    recipes.AddRange(Lines(block.Text).Where(RunsPgseq).Select(line => new Recipe(source, RecipeKind.Shell, line)));
                    break;
                case "crontab":
                    recipes.AddRange(Lines(block.Text).Select(line => CronSchedule().Replace(line, string.Empty))
                        .Where(RunsPgseq).Select(line => new Recipe(source, RecipeKind.Cron, line)));
                    break;
                case "ini":
                    recipes.AddRange(Unit(source, block.Text));
                    break;
            }
        }

        foreach (var unit in Directory.GetFiles(Repository.File("deploy", "systemd"), "*.service").Order(StringComparer.Ordinal))
        {
            recipes.AddRange(Unit(Path.GetRelativePath(Repository.Root, unit), File.ReadAllText(unit)));
        }

        return recipes;
    }

    private static IEnumerable<Recipe> Unit(string source, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();
        string? Value(string line, string key) => line.StartsWith(key + "=", StringComparison.Ordinal) ? line[(key.Length + 1)..] : null;
        var environment = lines.Select(l => Value(l, "Environment")).OfType<string>()
            .Select(assignment => assignment.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        var logs = lines.Select(l => Value(l, "LogsDirectory")).OfType<string>().SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        return lines.Select(l => Value(l, "ExecStart")).OfType<string>().Where(c => c.Contains("pgseq ", StringComparison.Ordinal))
            .Select(command => new Recipe(source, RecipeKind.Systemd, command) { Environment = environment, LogsDirectories = logs });
    }

    // The lines of a shell block, continuation lines joined, comments and blank lines left out.
    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private static bool RunsPgseq(string command) => Pgseq().IsMatch(command);

    [GeneratedRegex(@"(^|&&\s*|;\s*)pgseq\s")]
    private static partial Regex Pgseq();

    [GeneratedRegex(@"^(\S+\s+){5}")]
    private static partial Regex CronSchedule();
}
