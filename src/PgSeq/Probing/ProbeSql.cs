using System.Globalization;

namespace PgSeq.Probing;

/// <summary>
/// The SQL fragments that read a sequence and its columns, in one place: the probes build their queries from them,
/// and so do the repair transaction and the repair block, which evaluate the same rules on the server. Each takes
/// the SQL text of its operands (names already quoted by the server, numbers, or placeholders of an outer
/// <c>format()</c>), so the same rule can be rendered for any of them.
/// </summary>
internal static class ProbeSql
{
    /// <summary>The aggregate that finds the data's far end: max, or min for a descending sequence.</summary>
    public static string Aggregate(bool descending) => descending ? "min" : "max";

    /// <summary><c>pg_catalog.max(column)::int8 FROM table</c>: the column's far end, read from its index when it has one.</summary>
    public static string ColumnExtreme(string aggregate, string column, string table) =>
        $"pg_catalog.{aggregate}({column})::int8 FROM {table}";

    /// <summary>The state of the sequence, read from the relation itself: <c>pg_sequences</c> hides it for unused sequences.</summary>
    public static string State(string sequence) => $"last_value, is_called FROM {sequence}";

    /// <summary>
    /// The value the next <c>nextval()</c> returns, as numeric: <c>last_value</c> itself when <c>is_called</c> is false,
    /// else one increment on (which may lie past the range: the sequence is then exhausted).
    /// </summary>
    public static string NextValue(string lastValue, string isCalled, string increment) =>
        $"CASE WHEN {isCalled} THEN {lastValue}::numeric + {increment} ELSE {lastValue} END";

    /// <summary>A number as SQL text.</summary>
    public static string Number(Int128 value) => value.ToString(CultureInfo.InvariantCulture);
}
