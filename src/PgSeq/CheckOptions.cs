using PgSeq.Catalog;

namespace PgSeq;

/// <summary>What to examine and how long to wait. Shared by
/// <see cref="SequenceDrift.CheckAsync(Npgsql.NpgsqlDataSource, CheckOptions?, CancellationToken)"/> and the repair.</summary>
public record CheckOptions
{
    /// <summary>psql-style schema patterns (<c>*</c>, <c>?</c>, double quotes); when not empty, only tables in matching
    /// schemas are examined.</summary>
    public IReadOnlyList<string> Schemas { get; init; } = [];

    /// <summary>psql-style schema patterns whose tables are left out.</summary>
    public IReadOnlyList<string> ExcludeSchemas { get; init; } = [];

    /// <summary>psql-style table patterns such as <c>public.loan*</c> (no dot: any schema); when not empty, only matching
    /// tables are examined.</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    /// <summary>psql-style table patterns that are left out.</summary>
    public IReadOnlyList<string> ExcludeTables { get; init; } = [];

    /// <summary>
    /// Require every <see cref="Schemas"/> pattern to match a schema, and every <see cref="Tables"/> pattern a table, of
    /// the database, as <c>pg_dump --strict-names</c> does: otherwise the run fails with a <see cref="PgSeqException"/>
    /// naming the pattern before anything is read, instead of examining less than meant (a mistyped pattern examines
    /// nothing, and reports nothing wrong). The exclusion patterns are not checked. Default: false.
    /// </summary>
    public bool StrictNames { get; init; }

    /// <summary>Columns that sequences feed without the catalog showing it (the application calls nextval() itself).</summary>
    public IReadOnlyList<ExplicitLink> Links { get; init; } = [];

    /// <summary>Link a sequence that nothing ties to anything to the column its name was made for
    /// (<see cref="LinkKind.Inferred"/>): <c>&lt;table&gt;_&lt;column&gt;_seq</c> or, for a table whose primary key is
    /// a single integer column without a default, <c>&lt;table&gt;_seq</c>. Such links are checked and repaired like
    /// any other, forward only. Default: true; false reports such sequences as unlinked.</summary>
    public bool InferLinks { get; init; } = true;

    /// <summary>
    /// After a migration, the database migrated from: each target sequence must also reach the position of the source
    /// sequence with the same schema-qualified name (never lowered), and the report compares the two sides
    /// (<see cref="DriftReport.Cutover"/>). pgseq only reads the source, in read-only transactions.
    /// </summary>
    public Npgsql.NpgsqlDataSource? CutoverSource { get; init; }

    /// <summary>The longest pgseq waits for any lock (PostgreSQL's <c>lock_timeout</c>). A sequence whose locks cannot be
    /// taken in time is reported <see cref="SequenceStatus.Busy"/> and left alone, so pgseq never queues in front of the
    /// application for long. Default: 2 seconds.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest any single query may run (PostgreSQL's <c>statement_timeout</c>), so that MAX() over one huge
    /// unindexed table cannot hang the run: that sequence is reported <see cref="SequenceStatus.Error"/>. Default: 5 minutes.</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many connections a run opens at most (with a data source; on a caller's connection only that one is
    /// used). Reading and repairing thousands of sequences spread over them. Default: 4.</summary>
    public int Jobs { get; init; } = 4;

    /// <summary>Receives progress reports: phase, done and total.</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Share of its range (0 to 1) from which an otherwise healthy sequence is
    /// <see cref="SequenceStatus.CapacityWarning"/>. Default: 0.75.</summary>
    public double CapacityWarning { get; init; } = 0.75;

    /// <summary>Share of its range (0 to 1) from which an otherwise healthy sequence is
    /// <see cref="SequenceStatus.CapacityCritical"/>. Default: 0.90.</summary>
    public double CapacityCritical { get; init; } = 0.90;

    /// <summary>
    /// Checks the options before any connection is made. Every entry point calls it; a front end may call it first to
    /// report a mistake without connecting.
    /// </summary>
    /// <exception cref="InvalidPatternException">A schema or table pattern cannot be parsed.</exception>
    public virtual void Validate() => _ = new RelationFilter(this);
}
