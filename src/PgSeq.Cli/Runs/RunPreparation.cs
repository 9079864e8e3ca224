using PgSeq.Cli.Commands;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Runs;

/// <summary>What every command that connects does before it connects: the options checked, the --links file's links
/// added to those of the command line (the one place they are merged), the --log file found writable, and the targets
/// resolved.</summary>
internal static class RunPreparation
{
    /// <summary>The options, completed with the --links file, and the targets in the order given (one that cannot be
    /// used stays in the list with its failure), with the databases --all-databases skips.</summary>
    /// <exception cref="InvalidPatternException">A pattern cannot be parsed.</exception>
    /// <exception cref="InputException">The links file or the targets file cannot be read, a line of the links file
    /// is not a link, or the log file cannot be written.</exception>
    public static async Task<(T Options, ResolvedTargets Targets)> PrepareAsync<T>(
        T options,
        string? linksFile,
        string? logFile,
        TargetSelection selection,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
        where T : CheckOptions
    {
        var completed = await OptionsAsync(options, linksFile, cancellationToken);

        // Before any work: a run must never do its work and then fail to record it.
        if (logFile is not null)
        {
            RunLog.EnsureWritable(logFile);
        }

        return (completed, await new TargetList(environment).ResolveAsync(selection, cancellationToken));
    }

    /// <summary>The options with the links of <paramref name="linksFile"/> after those given with --link.</summary>
    /// <exception cref="InvalidPatternException">A pattern cannot be parsed.</exception>
    /// <exception cref="InputException">The links file cannot be read, or a line of it is not a link.</exception>
    public static async Task<T> OptionsAsync<T>(T options, string? linksFile, CancellationToken cancellationToken)
        where T : CheckOptions
    {
        options.Validate();
        if (linksFile is null)
        {
            return options;
        }

        var links = await LinksFile.ReadAsync(linksFile, cancellationToken);
        return (T)(options with { Links = [.. options.Links, .. links] });
    }
}
