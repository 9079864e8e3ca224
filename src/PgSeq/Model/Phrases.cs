using System.Globalization;

namespace PgSeq;

/// <summary>Every sentence pgseq says about a sequence, in one place: key and English template.</summary>
internal static class Phrases
{
    // Diagnosis
    public static Phrase Empty(long next) => P("empty", "the linked columns are empty; the next value is {0}", next);

    // The far end of the data a sequence is compared with.
    public static Phrase Edge(bool descending) => descending ? P("edge_min", "MIN") : P("edge_max", "MAX");

    // Several writers: a sequence judged by the values it can hand out (its lattice).
    public static Phrase LatticeEdge() => P("lattice_edge", "its last in-class value");

    public static Phrase LatticeEmpty(long next) =>
        P("lattice_empty", "no value in the linked columns is one this sequence can hand out; the next value is {0}", next);

    public static Phrase LatticeNote(Phrase reason, long residue, long modulus, long min, long max) =>
        P("lattice_note", "{0} (it hands out only values ≡ {1} mod {2} from {3} to {4})", reason, residue, modulus, min, max);

    public static Phrase RangeNote(Phrase reason, long min, long max) =>
        P("range_note", "{0} (it hands out only values from {1} to {2})", reason, min, max);

    public static Phrase RowsOutside(Phrase note, long rows) =>
        P("rows_outside", "{0}; {1} rows ahead of it are outside them: another writer's, which can never collide with it", note, rows);

    public static Phrase RowsOutsideMore(Phrase note, long rows) =>
        P("rows_outside_more", "{0}; more than {1} rows ahead of it are outside them: another writer's, which can never collide with it",
            note, rows);

    public static Phrase LatticeUsedUp(long residue, long modulus, long min, long max) =>
        P("lattice_used_up", "its own values (≡ {0} mod {1} from {2} to {3}) are used up; give this writer another range or class by hand: "
            + "widening its MINVALUE or MAXVALUE would hand out another writer's ids", residue, modulus, min, max);

    public static Phrase InSync(bool descending, long next, Phrase edge, long extreme) => descending
        ? P("in_sync_descending", "the next value {0} is below {1} {2}", next, edge, extreme)
        : P("in_sync_ascending", "the next value {0} is above {1} {2}", next, edge, extreme);

    public static Phrase Behind(long next, Phrase edge, long extreme, long behind) =>
        P("behind", "the next value {0} is not past {1} {2}: the sequence is {3} behind", next, edge, extreme, behind);

    public static Phrase BehindCollides(long next, Phrase edge, long extreme, long behind) =>
        P("behind_collides", "the next value {0} is not past {1} {2}: the sequence is {3} behind and the very next insert collides",
            next, edge, extreme, behind);

    public static Phrase BehindLater(long next, Phrase edge, long extreme, long behind) =>
        P("behind_later", "the next value {0} is not past {1} {2}: the sequence is {3} behind; the value {0} is free but a later nextval() collides",
            next, edge, extreme, behind);

    public static Phrase BehindBlock(long next, Phrase edge, long extreme, long increment, long goal, long behind) =>
        P("behind_block", "the next value {0} clears {1} {2} by less than its increment {3}: an application that calls nextval() itself may use "
            + "the values just below the one it gets (Hibernate's pooled optimizer does), so the sequence must reach {4}; it is {5} behind",
            next, edge, extreme, increment, goal, behind);

    public static Phrase BehindSource(long next, long source) =>
        P("behind_source", "the next value {0} is behind the source database, whose sequence hands out {1} next: ids the source already gave could "
            + "come again", next, source);

    public static Phrase SourceAnotherWriter(Phrase reason, long source) =>
        P("source_another_writer", "{0}; the source database's sequence of this name, next at {1}, hands out another writer's values "
            + "(another class or range), so its position is no floor for this one", reason, source);

    public static Phrase AlsoBehindSource(Phrase reason, long source) =>
        P("also_behind_source", "{0}; it is also behind the source database, whose sequence hands out {1} next", reason, source);

    public static Phrase SourceOutOfRange(long source, string limitKeyword, long limit, Phrase remedy) =>
        P("source_out_of_range", "the source database's sequence hands out {0} next, beyond this sequence's {1} {2}; {3}",
            source, limitKeyword, limit, remedy);

    public static Phrase Exhausted(string limitKeyword, long limit, Phrase remedy) =>
        P("exhausted", "the sequence has reached its {0} {1}, so nextval() fails; {2}", limitKeyword, limit, remedy);

    public static Phrase NoRoom(Phrase edge, long extreme, string limitKeyword, long limit, Phrase remedy) =>
        P("no_room", "{0} {1} leaves no room before {2} {3}; {4}, then repair again", edge, extreme, limitKeyword, limit, remedy);

    public static Phrase NoRoomForMargin(Phrase edge, long extreme, long margin, string limitKeyword, long limit, Phrase remedy) =>
        P("no_room_margin", "{0} {1} leaves no room for a margin of {2} before {3} {4}; {5}, then repair again",
            edge, extreme, margin, limitKeyword, limit, remedy);

    public static Phrase WidenType(string sequence, string bound) =>
        P("widen_type", "widen it with ALTER SEQUENCE {0} AS bigint {1} (and the column with ALTER TABLE ... ALTER COLUMN ... TYPE bigint)",
            sequence, bound);

    public static Phrase RaiseLimit(string sequence, string bound) =>
        P("raise_limit", "raise the limit with ALTER SEQUENCE {0} {1}", sequence, bound);

    public static Phrase RangeUsedUp() => P("range_used_up", "the bigint range is used up: the data must be renumbered");

    public static Phrase CycleCollision(long next) =>
        P("cycle_collision", "CYCLE sequence whose values have wrapped around: the next value {0} is already taken; pgseq does not move cycling "
            + "sequences, so choose a free range and call setval() on it by hand", next);

    public static Phrase CycleWrapped(Phrase edge, long extreme, long next) =>
        P("cycle_wrapped", "CYCLE sequence that has wrapped around below {0} {1}; the next value {2} is free", edge, extreme, next);

    // Capacity
    public static Phrase CapacityUsed(string percent, long remaining, long limit, string limitedBy, Phrase remedy) =>
        P("capacity_used", "{0}% of the range used: {1} values left before {2}, the limit set by {3}; {4}",
            percent, remaining, limit, limitedBy, remedy);

    public static Phrase CapacityCycles(string percent, long limit) =>
        P("capacity_cycles", "CYCLE sequence: {0}% of its range used; it wraps around at {1}", percent, limit);

    public static Phrase OwnRangeEnds(long limit) =>
        P("own_range_ends", "this writer's own range ends at {0}: plan another range or class for it by hand, since widening its "
            + "MINVALUE or MAXVALUE would hand out another writer's ids", limit);

    public static Phrase WidenWith(string statements) => P("widen_with", "widen with {0}", statements);

    // Columns that cannot be measured
    public static Phrase NotInteger(string columnType) =>
        P("not_integer", "column type {0} is not an integer type; pgseq measures smallint, integer, bigint and numeric columns with scale 0",
            columnType);

    public static Phrase WouldCollide(Phrase skipped, long next, string edge, string column) =>
        P("would_collide", "{0}; yet the next value {1} is not past the {2} of {3}: were it an integer column, the sequence would be in drift, so "
            + "move it by hand", skipped, next, edge, column);

    public static Phrase NotPlainDefault(string? expression) =>
        P("not_plain_default", "default {0} is not a plain nextval() call, so the column's values cannot be compared with the sequence",
            expression ?? "(none)");

    public static Phrase ColumnSkipped(string column, Phrase reason) => P("column_skipped", "{0}: {1}", column, reason);

    // Privileges
    public static Phrase SequenceNotReadable(string role, string sequence) =>
        P("sequence_not_readable", "role {0} may not read sequence {1}; GRANT SELECT ON SEQUENCE {1} TO {0}", role, sequence);

    public static Phrase ColumnNotReadable(string role, string column, string table) =>
        P("column_not_readable", "role {0} may not read {1}; GRANT SELECT ON {2} TO {0}", role, column, table);

    public static Phrase RowSecurityApplies(string role, string table) =>
        P("row_security", "row level security on {1} hides rows from role {0}, so MAX would come from part of the data; run as a role with "
            + "BYPASSRLS, a superuser, or the table's owner", role, table);

    public static Phrase RowSecurityForced(string role, string table) =>
        P("row_security_forced", "{1} forces row level security even on its owner, so it hides rows from role {0} and MAX would come from part of "
            + "the data; run as a role with BYPASSRLS or a superuser", role, table);

    public static Phrase RowSecurityRefused(string serverMessage, Phrase subject) =>
        P("row_security_refused", "{0} (on {1}): row level security hides rows from this role, so MAX would come from part of the data; run as a "
            + "role with BYPASSRLS, a superuser, or the table's owner", serverMessage, subject);

    public static Phrase StandbyUnlogged(Phrase relation) =>
        P("standby_unlogged", "{0} is unlogged, and a hot standby keeps no data for it; check this sequence on the primary", relation);

    public static Phrase NotOwner(string role, string sequence, string owner) =>
        P("not_owner", "role {0} does not own sequence {1}, and holding nextval() callers off during the repair takes ALTER SEQUENCE; repair as "
            + "{2} (or a member of that role)", role, sequence, owner);

    public static Phrase CannotLock(string role, string table) =>
        P("cannot_lock", "role {0} may not lock {1} against writers during the repair; GRANT UPDATE ON {1} TO {0}, or repair as its owner",
            role, table);

    // Server errors on one sequence
    public static Phrase LockTimeout(Phrase subject, string timeout) =>
        P("lock_timeout", "could not lock {0} within the lock timeout ({1}): another transaction holds a conflicting lock; left unchanged, run "
            + "again later", subject, timeout);

    public static Phrase Deadlock(Phrase subject) =>
        P("deadlock", "deadlock with another transaction on {0}; left unchanged, run again later", subject);

    public static Phrase LockTimeoutReading(Phrase subject, string timeout) =>
        P("lock_timeout_reading", "could not read {0} within the lock timeout ({1}): another transaction holds a conflicting lock; run again "
            + "later", subject, timeout);

    public static Phrase DeadlockReading(Phrase subject) =>
        P("deadlock_reading", "deadlock with another transaction while reading {0}; run again later", subject);

    public static Phrase StatementTimeout(Phrase subject, string timeout) =>
        P("statement_timeout", "reading {0} took longer than the statement timeout ({1}); index the column or raise the statement timeout",
            subject, timeout);

    public static Phrase PermissionDenied(string serverMessage, Phrase subject) =>
        P("permission_denied", "{0} (on {1}); grant the privilege or run as a role that has it", serverMessage, subject);

    public static Phrase QueryFailed(string serverMessage, string sqlState, Phrase subject) =>
        P("query_failed", "{0} (SQLSTATE {1}, on {2})", serverMessage, sqlState, subject);

    public static Phrase SequenceSubject(string sequence) => P("subject_sequence", "sequence {0}", sequence);

    public static Phrase ColumnSubject(string column) => P("subject_column", "{0}", column);

    public static Phrase TableSubject(string table) => P("subject_table", "table {0}", table);

    public static Phrase RepairSubject(string sequence, string tables) => P("subject_repair", "sequence {0} (tables {1})", sequence, tables);

    // Repairs
    public static Phrase Repaired(long? before, long after, Phrase verdict) =>
        P("repaired", "moved from next value {0} to {1}; {2}", Number(before), after, verdict);

    public static Phrase Rewound(long? before, long after, Phrase verdict) =>
        P("rewound", "lowered from next value {0} to {1}; {2}", Number(before), after, verdict);

    public static Phrase MovedConcurrently(Phrase verdict) =>
        P("moved_concurrently", "{0} once locked (another session moved it); left unchanged", verdict);

    // Actions
    public static Phrase WouldFix(long? before, long after) => P("action_fix", "repair: next value {0} → {1}", Number(before), after);

    public static Phrase WouldMove(long? before, long after) => P("action_would_move", "would move next value {0} → {1}", Number(before), after);

    public static Phrase Moved(long? before, long after) => P("action_moved", "next value {0} → {1}", Number(before), after);

    public static Phrase ByHand() => P("action_by_hand", "setval() by hand");

    public static Phrase LeftUnchanged() => P("action_left_unchanged", "left unchanged");

    // The comment that heads a printed repair script.
    public static Phrase ScriptPlan(long? before, long after) => P("script_plan", "next value {0} → {1} when checked", Number(before), after);

    // Whole-run refusals
    public static Phrase HotStandby(string database) =>
        P("hot_standby", "database {0} is on a hot standby (in recovery), which cannot change sequences; repair on the primary (checking works "
            + "here)", database);

    public static Phrase ReadOnly(string role, string database) =>
        P("read_only", "transactions are read-only for {0} on database {1} (default_transaction_read_only is on); repair as a role or on a server "
            + "that allows writes (checking works here)", role, database);

    // Links the catalog does not show
    public static Phrase Unlinked(string sequence) =>
        P("unlinked", "feeds no column pgseq can see (no default, OWNED BY or identity, and no integer column named after it); if an application "
            + "calls nextval() on it, say where its values go with an explicit link from {0} to SCHEMA.TABLE.COLUMN (CheckOptions.Links)", sequence);

    public static Phrase InferredLink(Phrase reason, string rule, string column) =>
        P("inferred_link", "{0} (linked by its name, {1}, to {2})", reason, rule, column);

    public static Phrase AmbiguousName(string sequence, string candidates) =>
        P("ambiguous_name", "its name fits more than one column ({1}), so pgseq links it to none; say which with an explicit link from {0} to "
            + "SCHEMA.TABLE.COLUMN (CheckOptions.Links)", sequence, candidates);

    public static Phrase LinkSubject(ExplicitLink link) => link.Origin is { } origin
        ? P("link_subject_at", "link {0}={1} ({2})", link.Sequence, link.Column, origin)
        : P("link_subject", "link {0}={1}", link.Sequence, link.Column);

    public static Phrase LinkNoSequence(Phrase link, string sequence) =>
        P("link_no_sequence", "{0}: there is no sequence {1}", link, sequence);

    public static Phrase LinkNoColumn(Phrase link, string column) =>
        P("link_no_column", "{0}: there is no table column {1}; name it as SCHEMA.TABLE.COLUMN", link, column);

    public static Phrase LinkMalformed(Phrase link, string serverMessage) =>
        P("link_malformed", "{0}: {1}; name the sequence as SCHEMA.SEQUENCE and the column as SCHEMA.TABLE.COLUMN", link, serverMessage);

    // Bad patterns
    public static Phrase PatternDots(string pattern) =>
        P("pattern_dots", "table pattern '{0}' has more than one dot outside double quotes; use schema.table", pattern);

    public static Phrase PatternSchemaDot(string pattern, string quoted) =>
        P("pattern_schema_dot", "schema pattern '{0}' contains a dot outside double quotes; quote it as {1}", pattern, quoted);

    public static Phrase PatternQuote(string pattern) => P("pattern_quote", "pattern '{0}' has an unterminated double quote", pattern);

    public static Phrase PatternEmpty() => P("pattern_empty", "an empty pattern matches nothing; give a name such as public.loans or loan*");

    // Patterns that match nothing (CheckOptions.StrictNames)
    public static Phrase SchemaPatternUnmatched(string pattern, string database) =>
        P("schema_pattern_unmatched", "schema pattern '{0}' matches no schema in database {1}; check the pattern (psql's \\dn lists the schemas)",
            pattern, database);

    public static Phrase TablePatternUnmatched(string pattern, string database) =>
        P("table_pattern_unmatched",
            "table pattern '{0}' matches no table in database {1}; check the pattern (psql's \\dt {0} lists what it matches)", pattern, database);

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    // The params array is this call's own, so it is converted in place and kept: no copy per sentence in a large report.
    private static Phrase P(string key, string template, params object[] arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = arguments[i] switch
            {
                long number => number.ToString(CultureInfo.InvariantCulture),
                Phrase phrase => phrase,
                var other => other.ToString() ?? string.Empty,
            };
        }

        return new(key, template, arguments);
    }
}
