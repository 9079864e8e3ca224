using System.Text;
using PgSeq.Diagnosis;
using PgSeq.Probing;
using PgSeq.Session;

namespace PgSeq.Repair;

/// <summary>
/// The SQL that repairs one sequence: a single transaction that pgseq sends as one round trip and that
/// <c>pgseq fix --sql</c> prints for psql. Every name in it was quoted by the server; every number is formatted here.
/// </summary>
/// <remarks>
/// The transaction
/// <list type="number">
/// <item>bounds its waits with <c>lock_timeout</c> and <c>statement_timeout</c>, and reads with <c>row_security</c> off
/// (settings of pgseq's own sessions; the printed script sets them with SET LOCAL);</item>
/// <item>locks the tables in SHARE ROW EXCLUSIVE mode: writers (and in-flight writers, whose rows MAX() cannot see
/// yet) are waited out and then held back, readers are not, and a second pgseq queues behind the first;</item>
/// <item>holds the sequence with an ALTER SEQUENCE that changes nothing (see <see cref="SequenceHold"/>): LOCK TABLE
/// refuses sequences, but ALTER SEQUENCE takes a lock that makes every nextval() caller wait until COMMIT;</item>
/// <item>re-reads the sequence and MAX() under those locks and moves the sequence only forward (or, with rewind, to
/// just past the data), deciding on the server so that the printed script is as safe as the tool.</item>
/// </list>
/// </remarks>
internal static class RepairScript
{
    /// <summary>The statements of the repair transaction, in order.</summary>
    /// <param name="job">The sequence to repair and the columns it feeds; after a migration the next value it must reach
    /// whatever its data says; and its lattice, when it is judged by one (only values of the lattice count, and the move
    /// keeps the sequence in its class).</param>
    /// <param name="policy">How far to move it.</param>
    /// <param name="options">The timeouts.</param>
    /// <param name="boundary">Its own transaction, or a savepoint in the caller's.</param>
    /// <param name="hold">How to hold the sequence; see <see cref="HoldFor"/>.</param>
    /// <param name="deferFlush">Commit without waiting for the WAL flush (<c>synchronous_commit = off</c>), for a
    /// transaction of its own that a later, synchronous commit on the same connection makes durable: that commit
    /// flushes the WAL up to itself, this one included. A crash in between can only lose the repair, never half of it.</param>
    /// <param name="printed">For a script that psql runs: the transaction sets its own timeouts and row security. pgseq's
    /// own sessions already have them (see SessionSetup), so the statements it sends leave them out.</param>
    public static IReadOnlyList<string> Statements(
        RepairJob job,
        RepairPolicy policy,
        CheckOptions options,
        RepairBoundary boundary,
        SequenceHold hold,
        bool deferFlush,
        bool printed)
    {
        var sequence = job.Sequence;
        var tables = sequence.MeasuredColumns.Select(c => c.Table).Distinct().Order(StringComparer.Ordinal);
        IEnumerable<string> flush = deferFlush && boundary == RepairBoundary.Transaction ? ["SET LOCAL synchronous_commit = off"] : [];
        IEnumerable<string> settings = printed
            ?
            [
                $"SET LOCAL lock_timeout = '{Durations.Setting(options.LockTimeout)}'",
                $"SET LOCAL statement_timeout = '{Durations.Setting(options.StatementTimeout)}'",
                "SET LOCAL row_security = off",
            ]
            : [];
        return
        [
            boundary == RepairBoundary.Transaction ? "BEGIN" : $"SAVEPOINT {Savepoint}",
            .. flush,
            .. settings,
            $"LOCK TABLE {string.Join(", ", tables)} IN SHARE ROW EXCLUSIVE MODE",
            hold == SequenceHold.AlterPersistence
                ? $"ALTER SEQUENCE {sequence.Name} SET {(sequence.Unlogged ? "UNLOGGED" : "LOGGED")}"
                : $"ALTER SEQUENCE {sequence.Name} INCREMENT BY {Number(sequence.Definition.Increment)}",
            Move(job, policy),
            boundary == RepairBoundary.Transaction ? "COMMIT" : $"RELEASE SAVEPOINT {Savepoint}",
        ];
    }

    /// <summary>
    /// The cheap hold where it is safe and the server has it (PostgreSQL 15); inside the caller's transaction the
    /// transactional one, so that a rollback of that transaction also undoes the move.
    /// </summary>
    public static SequenceHold HoldFor(RepairBoundary boundary, int serverVersionNumber) =>
        boundary == RepairBoundary.Transaction && serverVersionNumber >= 150000 ? SequenceHold.AlterPersistence : SequenceHold.AlterIncrement;

    /// <summary>The savepoint a repair inside the caller's transaction uses.</summary>
    public const string Savepoint = "pgseq_repair";

    /// <summary>The transaction as a psql script, headed by a comment saying what it repairs and what was planned.</summary>
    public static string Render(RepairJob job, RepairPolicy policy, CheckOptions options, SequenceHold hold, Phrase plan)
    {
        var script = new StringBuilder();
        var columns = string.Join(", ", job.Sequence.MeasuredColumns.Select(c => c.QualifiedName));
        script.Append("-- ").Append(Comment($"{job.Sequence.Name} feeds {columns}: {plan}")).Append('\n');
        foreach (var statement in Statements(job, policy, options, RepairBoundary.Transaction, hold, deferFlush: false, printed: true))
        {
            script.Append(statement).Append(";\n");
        }

        return script.ToString();
    }

    /// <summary>
    /// The setval() that makes <paramref name="goal"/> the next value: <c>setval(goal - increment, true)</c>, as if the
    /// sequence had handed out everything up to the data, unless that value lies outside the sequence's range (the very
    /// first value), then <c>setval(goal, false)</c>. Evaluates to the value given to setval; <see cref="SetvalIsCalled"/>
    /// is the flag. The operands are SQL text, so the repair transaction and the repair block share the rule.
    /// </summary>
    public static string Setval(string sequence, string goal, string increment, string minValue, string maxValue) =>
        $"CASE WHEN {SetvalIsCalled(goal, increment, minValue, maxValue)} THEN pg_catalog.setval({sequence}, ({goal} - {increment})::int8, true) "
        + $"ELSE pg_catalog.setval({sequence}, {goal}::int8, false) END";

    /// <summary>The is_called flag <see cref="Setval"/> passes.</summary>
    public static string SetvalIsCalled(string goal, string increment, string minValue, string maxValue) =>
        $"{goal} - {increment} BETWEEN {minValue} AND {maxValue}";

    /// <summary>
    /// The value the next <c>nextval()</c> must at least reach (at most, when descending) to clear the data: one step
    /// past <paramref name="extreme"/>, or a whole increment past it when <paramref name="applicationAllocates"/> (the
    /// application calls nextval() itself and may use the values up to the one it gets). Operands are SQL text.
    /// </summary>
    public static string Required(string extreme, string increment, string applicationAllocates) =>
        $"{extreme}::numeric + CASE WHEN {applicationAllocates} THEN {increment} ELSE pg_catalog.sign({increment}) END";

    /// <summary>Whether a sequence whose next value is <paramref name="nextValue"/> falls short of <paramref name="required"/>.</summary>
    public static string FallsShort(string nextValue, string required, string increment) =>
        $"(CASE WHEN {increment} > 0 THEN {nextValue} < {required} ELSE {nextValue} > {required} END)";

    // Returns the state before, the extreme, and the setval() made (null when none was needed). The move happens only
    // when the sequence falls short of the data (or of the source, after a migration), or with rewind whenever it is
    // anywhere but at the goal. With a lattice, only the values of the lattice count, and the sequence moves only while
    // its next value is still in the lattice it was checked with (another session may have moved it out).
    private static string Move(RepairJob job, RepairPolicy policy)
    {
        var (sequence, floor, lattice) = (job.Sequence, job.Floor, job.Lattice);
        var definition = sequence.Definition;
        var increment = Number(definition.Increment);
        var aggregate = ProbeSql.Aggregate(definition.Descending);
        var extremes = string.Join("\n        UNION ALL ", sequence.MeasuredColumns.Select(c => lattice is null
            ? $"SELECT {ProbeSql.ColumnExtreme(aggregate, c.ColumnIdentifier, c.Table)}"
            : $"SELECT {ProbeSql.LatticeExtreme(aggregate, c.ColumnIdentifier, c.Table, lattice)}"));
        var offset = Number((Int128)definition.Increment * (1 + (Int128)policy.Margin));
        var further = definition.Descending ? "least" : "greatest";
        var atLeast = floor is { } f ? $", {Number(f)}" : string.Empty;
        var first = Number(definition.Descending ? definition.MaxValue : definition.MinValue);
        var goal = policy.AllowRewind
            ? $"coalesce({further}(x.extreme::numeric + {offset}, {first}{atLeast}), {Number(definition.Start)})"
            : floor is null ? $"x.extreme::numeric + {offset}" : $"{further}(x.extreme::numeric + {offset}{atLeast})";
        var clearance = Required("x.extreme", increment, sequence.ApplicationAllocates ? "true" : "false");
        var required = floor is null ? clearance : $"{further}({clearance}{atLeast})";
        var needed = policy.AllowRewind ? "pos.goal <> pos.next_value" : FallsShort("pos.next_value", "pos.required", increment);
        if (lattice is not null)
        {
            needed = $"{needed}\n                  AND {ProbeSql.InLattice("pos.next_value", lattice)}";
        }

        var (min, max) = (Number(definition.MinValue), Number(definition.MaxValue));
        return $"""
            SELECT s.last_value, s.is_called, x.extreme, moved.value, moved.is_called,
                   pg_catalog.clock_timestamp() - pg_catalog.statement_timestamp() AS locked_for
            FROM {sequence.Name} AS s
            CROSS JOIN (SELECT pg_catalog.{aggregate}(c.v) FROM (
                    {extremes}) AS c (v)) AS x (extreme)
            CROSS JOIN LATERAL (SELECT {ProbeSql.NextValue("s.last_value", "s.is_called", increment)},
                                       {goal}, {required}) AS pos (next_value, goal, required)
            LEFT JOIN LATERAL (
                SELECT {Setval(sequence.Literal, "pos.goal", increment, min, max)},
                       {SetvalIsCalled("pos.goal", increment, min, max)}
                WHERE {needed}) AS moved (value, is_called) ON true
            """;
    }

    private static string Number(Int128 value) => ProbeSql.Number(value);

    // Names may hold line breaks or backslashes; neither may escape a "--" comment into the script.
    private static string Comment(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c == '\\' ? '?' : c));
}
