using Npgsql;

namespace PgSeq.Cli.Commands;

/// <summary>What a run adds to the options the command line gave: the links of the --links file, the opened --from
/// source and the progress display.</summary>
/// <param name="Links">The links read from the --links file.</param>
/// <param name="Source">The source database of a migration; null without --from.</param>
/// <param name="Progress">Where progress goes; null off a terminal.</param>
internal sealed record RunAdditions(IReadOnlyList<ExplicitLink> Links, NpgsqlDataSource? Source, IProgress<RunProgress>? Progress);
