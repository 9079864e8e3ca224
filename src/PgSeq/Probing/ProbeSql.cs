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

    /// <summary><see cref="ColumnExtreme(string, string, string)"/> with one more output column, <paramref name="alongside"/>,
    /// before the FROM.</summary>
    public static string ColumnExtreme(string aggregate, string column, string table, string alongside) =>
        $"pg_catalog.{aggregate}({column})::int8, {alongside} FROM {table}";

    /// <summary>
    /// <c>col BETWEEN min AND max AND col % m IN (r, r - m)</c>: whether the column's value is one the sequence can hand
    /// out. <c>%</c> keeps the sign of the column's value, so a negative value of the class leaves r - m; comparing with
    /// both keeps the arithmetic in bigint, where <c>col - next</c> could overflow. The range uses the column's index.
    /// </summary>
    public static string InLattice(string column, Lattice lattice) =>
        lattice.Modulus == 1
            ? $"{column} BETWEEN {Number(lattice.MinValue)} AND {Number(lattice.MaxValue)}"
            : InLattice(column, Number(lattice.MinValue), Number(lattice.MaxValue), column, "%", Number(lattice.Modulus), Number(lattice.Residue),
                Number((Int128)lattice.Residue - lattice.Modulus));

    /// <summary><see cref="InLattice(string, Lattice)"/> with SQL text operands (for the repair block, which learns the
    /// lattice when it runs): the column is named twice, once for the range and once for the class, and the modulo
    /// operator is given, since inside a <c>format()</c> template it is written <c>%%</c>.</summary>
    public static string InLattice(
        string column,
        string minValue,
        string maxValue,
        string sameColumn,
        string modulo,
        string modulus,
        string residue,
        string residueLessModulus) =>
        $"{column} BETWEEN {minValue} AND {maxValue} AND {sameColumn} {modulo} {modulus} IN ({residue}, {residueLessModulus})";

    /// <summary><c>pg_catalog.max(col)::int8 FROM table WHERE (in the lattice)</c>: the last value of the lattice in use,
    /// read backwards through the column's index until the first row of the lattice.</summary>
    public static string LatticeExtreme(string aggregate, string column, string table, Lattice lattice) =>
        $"{ColumnExtreme(aggregate, column, table)} WHERE {InLattice(column, lattice)}";

    /// <summary><see cref="LatticeExtreme(string, string, string, Lattice)"/> with SQL text operands, for a
    /// <c>format()</c> template.</summary>
    public static string LatticeExtreme(
        string aggregate,
        string column,
        string table,
        string filterColumn,
        string minValue,
        string maxValue,
        string classColumn,
        string modulus,
        string residue,
        string residueLessModulus) =>
        $"{ColumnExtreme(aggregate, column, table)} "
        + $"WHERE {InLattice(filterColumn, minValue, maxValue, classColumn, "%%", modulus, residue, residueLessModulus)}";

    /// <summary>How many rows past <paramref name="nextValue"/> (before it, descending) lie outside the lattice, counted up
    /// to one more than <see cref="Lattice.RowsOutsideLimit"/>, so that the count stays cheap whatever other writers hold.</summary>
    public static string RowsOutsideAhead(string column, string table, Lattice lattice, string nextValue, bool descending) =>
        $"(SELECT pg_catalog.count(*) FROM (SELECT 1 FROM {table} WHERE {column} {(descending ? "<=" : ">=")} {nextValue} "
        + $"AND NOT ({InLattice(column, lattice)}) LIMIT {Number(Lattice.RowsOutsideLimit + 1)}) AS outside)";

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
