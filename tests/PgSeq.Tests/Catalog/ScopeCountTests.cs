using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Catalog;

/// <summary>
/// The number of sequences in scope the catalog cursor counts on the server (which says how many a stopped run never
/// read, and the reading phase's total) is the number a whole run reports, for every kind of pattern: the SQL count and
/// the patterns applied as the windows pass are the same rule.
/// </summary>
public sealed class ScopeCountTests(PostgresServer server)
{
    private const string Schema = """
        CREATE SCHEMA billing; CREATE SCHEMA "Odd Schema";
        CREATE TABLE loans (id serial PRIMARY KEY); CREATE TABLE loan_archive (id serial);
        CREATE TABLE installments (id bigserial, loan_id int);
        CREATE TABLE billing.invoices (id int GENERATED ALWAYS AS IDENTITY); CREATE TABLE billing.lines (id serial);
        CREATE TABLE "Odd Schema"."Mixed Case" (id serial);
        CREATE SEQUENCE shared_seq; CREATE TABLE left_side (id int DEFAULT nextval('shared_seq'));
        CREATE TABLE billing.right_side (id int DEFAULT nextval('shared_seq'));
        CREATE SEQUENCE spare_seq; CREATE SEQUENCE billing.spare_seq;
        CREATE SEQUENCE a_b_c_seq; CREATE TABLE a_b (c int); CREATE TABLE a (b_c int);
        CREATE SEQUENCE payments_id_seq; CREATE TABLE payments (id int PRIMARY KEY);
        """;

    public static TheoryData<string[], string[], string[], string[]> Patterns => new()
    {
        { [], [], [], [] },
        { ["billing"], [], [], [] },
        { [], ["billing"], [], [] },
        { [], [], ["loan*"], [] },
        { [], [], ["billing.*"], [] },
        { [], [], [], ["public.loan*"] },
        { ["public", "\"Odd Schema\""], [], [], ["a*"] },
        { [], ["public"], ["right_side"], [] },
        { [], [], ["nothing_matches"], [] },
        { ["b*"], [], ["*.lines", "left_side"], ["*archive"] },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task The_count_of_sequences_in_scope_is_what_a_whole_run_reports(string[] schemas, string[] excludeSchemas, string[] tables, string[] excludeTables)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Schema);
        var options = new CheckOptions { Schemas = schemas, ExcludeSchemas = excludeSchemas, Tables = tables, ExcludeTables = excludeTables };

        await using var reader = await SequenceDrift.OpenCheckAsync(db.DataSource, options, TestContext.Current.CancellationToken);
        Assert.Null(reader.SequencesInScope);
        var read = 0;
        await foreach (var sequence in reader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            Assert.NotNull(reader.SequencesInScope);
            read++;
        }

        Assert.False(reader.Interrupted);
        Assert.Equal(read, reader.SequencesInScope);
    }

    [Fact]
    public async Task A_reading_left_after_the_first_sequence_knows_how_many_it_never_read()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Schema);

        await using var reader = await SequenceDrift.OpenCheckAsync(db.DataSource, null, TestContext.Current.CancellationToken);
        await foreach (var sequence in reader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            break;
        }

        Assert.True(reader.Interrupted);
        Assert.Equal(1, reader.Summary.Sequences);
        Assert.Equal(11, reader.SequencesInScope);
    }
}
