#region EF Core: a data migration that ends with the repair
using Microsoft.EntityFrameworkCore.Migrations;
using PgSeq.EntityFrameworkCore;

namespace MyApp.Migrations;

public partial class ImportLegacyLoans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("INSERT INTO loans (id, website) SELECT id, website FROM legacy.loans");

        // runs in the migration's transaction, after the rows it inserted with their ids
        migrationBuilder.FixSequences("loans");
    }
}
#endregion
