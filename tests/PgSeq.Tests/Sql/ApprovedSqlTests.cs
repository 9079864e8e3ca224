using PgSeq.Catalog;
using PgSeq.Diagnosis;
using PgSeq.Repair;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Sql;

/// <summary>
/// The final text of the SQL pgseq runs, as a reviewer reads it: the catalog query, each form of the repair transaction
/// and the repair block are pinned in <c>tests/PgSeq.Tests/Sql/*.approved.sql</c>, so that a change to any of them shows
/// up as a diff of SQL, not of the fragments and placeholders it is assembled from. After an intended change, run the
/// tests with PGSEQ_UPDATE_APPROVED=1 and review the diff.
/// </summary>
public sealed class ApprovedSqlTests
{
    // A sequence shared by two tables (as a table inheriting its parent's default, or TPC in an ORM), which shows the
    // repair's multi-table lock and its UNION ALL of extremes.
    private static readonly CatalogSequence Shared = new(
        16385,
        new SequenceDefinition { Name = "public.loans_id_seq", DataType = "bigint", Start = 1, Increment = 1, MinValue = 1, MaxValue = long.MaxValue, Cache = 1, Cycle = false },
        "'public.loans_id_seq'",
        "postgres",
        CanAlter: true,
        CanRead: true,
        [Column("public.loans", "id"), Column("public.archived_loans", "id")])
    {
        Schema = "public",
    };

    [Fact]
    public void The_catalog_query_is_the_approved_one() =>
        Verify(CatalogQuery.Sql + "\n", "catalog.approved.sql");

    // The cursor around the catalog query, which counts the sequences the patterns keep (the query itself as above).
    [Fact]
    public void The_catalog_cursor_is_the_approved_one() =>
        Verify(
            SequenceCatalog.Declare(new CheckOptions { Schemas = ["public", "bill*"], ExcludeTables = ["*.archive*"] })
                .Replace(CatalogQuery.Sql, "<catalog.approved.sql>", StringComparison.Ordinal) + "\n",
            "catalog-cursor.approved.sql");

    [Fact]
    public void A_repair_transaction_of_its_own_is_the_approved_one_on_postgresql_15_and_later()
    {
        var hold = RepairScript.HoldFor(RepairBoundary.Transaction, 150000);
        Verify(Statements(RepairPolicy.Default, floor: null, RepairBoundary.Transaction, hold, printed: false), "repair-transaction.approved.sql");
    }

    [Fact]
    public void A_repair_transaction_before_postgresql_15_holds_the_sequence_with_an_unchanged_increment()
    {
        var hold = RepairScript.HoldFor(RepairBoundary.Transaction, 140000);
        Verify(Statements(RepairPolicy.Default, floor: null, RepairBoundary.Transaction, hold, printed: false), "repair-transaction.before-15.approved.sql");
    }

    [Fact]
    public void A_repair_inside_the_callers_transaction_uses_a_savepoint_and_the_transactional_hold()
    {
        var hold = RepairScript.HoldFor(RepairBoundary.Savepoint, 150000);
        Verify(Statements(RepairPolicy.Default, floor: null, RepairBoundary.Savepoint, hold, printed: false), "repair-savepoint.approved.sql");
    }

    [Fact]
    public void A_repair_after_a_migration_with_a_margin_reaches_the_source_too() =>
        Verify(Statements(new RepairPolicy(Margin: 100, AllowRewind: false), floor: 5000, RepairBoundary.Transaction, SequenceHold.AlterPersistence, printed: false),
            "repair-transaction.source-and-margin.approved.sql");

    [Fact]
    public void A_repair_that_may_rewind_aims_at_just_past_the_data_or_start() =>
        Verify(Statements(new RepairPolicy(Margin: 0, AllowRewind: true), floor: null, RepairBoundary.Transaction, SequenceHold.AlterPersistence, printed: false),
            "repair-transaction.rewind.approved.sql");

    [Fact]
    public void The_printed_fix_script_sets_its_own_timeouts_and_row_security() =>
        Verify(RepairScript.Render(new RepairJob(Shared, null, null), RepairPolicy.Default, new CheckOptions(), SequenceHold.AlterPersistence, Phrases.ScriptPlan(2, 29)),
            "fix-script.approved.sql");

    [Fact]
    public void A_repair_of_one_writer_of_several_reads_only_its_class_and_keeps_the_sequence_in_it() =>
        Verify(
            Statements(RepairPolicy.Default, floor: null, RepairBoundary.Transaction, SequenceHold.AlterPersistence, printed: false,
                new Lattice { Modulus = 10, Residue = 3, MinValue = 1, MaxValue = long.MaxValue }),
            "repair-transaction.interleaved.approved.sql");

    [Fact]
    public void A_repair_of_a_writer_with_a_range_of_its_own_reads_only_that_range() =>
        Verify(
            Statements(RepairPolicy.Default, floor: null, RepairBoundary.Transaction, SequenceHold.AlterPersistence, printed: false,
                new Lattice { Modulus = 1, Residue = 0, MinValue = 1L << 48, MaxValue = (2L << 48) - 1 }),
            "repair-transaction.own-range.approved.sql");

    [Fact]
    public void The_repair_block_is_the_approved_one() =>
        Verify(RepairBlock.ForAllTables(), "repair-block.approved.sql");

    [Fact]
    public void The_repair_block_without_inference_with_links_patterns_and_a_margin_is_the_approved_one() =>
        Verify(
            RepairBlock.For(new FixOptions
            {
                InferLinks = false,
                Schemas = ["public", "billing*"],
                ExcludeTables = ["public.audit_*"],
                Links = [new ExplicitLink("public.hibernate_sequence", "public.loans.id") { Allocation = IdAllocation.FromValue }],
                Margin = 10,
            }),
            "repair-block.no-inference.approved.sql");

    private static string Statements(
        RepairPolicy policy, long? floor, RepairBoundary boundary, SequenceHold hold, bool printed, Lattice? lattice = null) =>
        string.Join(";\n", RepairScript.Statements(new RepairJob(Shared, floor, lattice), policy, new CheckOptions(), boundary, hold, deferFlush: false, printed))
        + ";\n";

    private static CatalogColumn Column(string table, string column) => new(
        new LinkedColumn { Table = table, Column = column, ColumnType = "bigint", Kind = LinkKind.Default, Indexed = true },
        TableSchema: "public",
        TableRelName: table["public.".Length..],
        ColumnIdentifier: column,
        CanRead: true,
        CanLock: true)
    {
        Range = ValueRange.Of("bigint"),
    };

    private static void Verify(string sql, string file) => ApprovedFile.Verify(sql, "tests", "PgSeq.Tests", "Sql", file);
}
