using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace PgSeq.EntityFrameworkCore;

/// <summary><c>migrationBuilder.FixSequences(...)</c>: end a data migration with a sequence repair.</summary>
public static class MigrationBuilderSequenceExtensions
{
    /// <summary>
    /// Adds the repair of the sequences that feed <paramref name="tables"/> (all tables when none are given) to the
    /// migration. The SQL (<see cref="RepairBlock"/>) finds the sequences and reads MAX when the migration runs, inside
    /// its transaction, and only moves sequences forward.
    /// </summary>
    /// <param name="migrationBuilder">The migration being built.</param>
    /// <param name="tables">Tables as SQL names them (<c>loans</c>, <c>public.loans</c>, <c>"Sales"."Orders"</c>).</param>
    public static OperationBuilder<SqlOperation> FixSequences(this MigrationBuilder migrationBuilder, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(tables);
        return migrationBuilder.Sql(tables.Length == 0 ? RepairBlock.ForAllTables() : RepairBlock.ForTables(tables));
    }
}
