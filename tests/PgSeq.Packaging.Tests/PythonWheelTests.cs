using System.IO.Compression;
using PgSeq.Packaging.Tests.Infrastructure;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Packaging.Tests;

/// <summary>
/// The wheel as an application team installs it: pip install into a fresh virtual environment, then the native
/// pgseq from its bin/ and the repair step inside an Alembic migration and on plain SQLAlchemy and psycopg2
/// connections, against a real server.
/// </summary>
public sealed class PythonWheelTests(PostgresServer server)
{
    [Fact]
    public async Task The_wheel_is_tagged_for_the_newest_glibc_its_executable_needs()
    {
        var wheel = Artifacts.Find(Artifacts.WheelPackage);
        var entry = $"pgseq-{Artifacts.Version()}.data/scripts/pgseq";
        var objdump = Commands.Require("objdump", "binutils");
        var folder = Directory.CreateTempSubdirectory("pgseq-wheel-");
        string symbols;
        try
        {
            var executable = Path.Combine(folder.FullName, "pgseq");
            using (var zip = ZipFile.OpenRead(wheel))
            {
                zip.GetEntry(entry)!.ExtractToFile(executable);
            }

            symbols = await Commands.SucceedAsync(objdump, "-T", executable);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var glibc = System.Text.RegularExpressions.Regex.Matches(symbols, @"GLIBC_(\d+)\.(\d+)")
            .Select(m => (Major: Number(m.Groups[1].Value), Minor: Number(m.Groups[2].Value)))
            .Max();

        Assert.EndsWith($"-py3-none-manylinux_{glibc.Major}_{glibc.Minor}_x86_64.whl", wheel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pip_puts_the_native_pgseq_on_the_environments_path()
    {
        using var venv = await Venv.CreateWithWheelAsync();
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);

        var check = await Commands.RunAsync(venv.Bin("pgseq"), ["check", db.ConnectionStringForPsql()]);
        var found = await venv.PythonAsync("import pgseq; print(pgseq.executable())");

        Assert.True(check.ExitCode == 2, check.Output);
        Assert.Contains("2 sequences checked: 2 drift.", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(venv.Bin("pgseq"), found.Trim());
        Assert.Equal(Artifacts.Version(), (await Commands.SucceedAsync(venv.Bin("pgseq"), "--version")).Trim());
    }

    [Fact]
    public async Task An_alembic_migration_that_calls_repair_sequences_leaves_the_incidents_model_inserting_loan_29()
    {
        using var venv = await Venv.CreateWithWheelAsync();
        await using var db = await server.CreateDatabaseAsync();
        var url = db.ConnectionStringForPsql();
        var ini = Path.Combine(venv.Directory, "alembic.ini");
        await File.WriteAllTextAsync(ini, $"""
            [alembic]
            script_location = {Repository.File("tests", "packaging", "alembic")}
            sqlalchemy.url = {url.Replace("%", "%%", StringComparison.Ordinal)}
            """, TestContext.Current.CancellationToken);

        await Commands.SucceedAsync(venv.Bin("python"), "-B", "-m", "alembic", "-c", ini, "upgrade", "head");
        var model = Repository.File("tests", "orm", "sqlalchemy_driver.py");
        var inserted = await Commands.SucceedAsync(venv.Bin("python"), "-B", model, url, "insert", "loans");

        Assert.Equal("0002", await db.ScalarAsync<string>("SELECT version_num FROM alembic_version"));
        Assert.Equal("29", inserted.Trim());
    }

    [Fact]
    public async Task In_alembic_offline_mode_repair_sequences_writes_the_block_into_the_script()
    {
        using var venv = await Venv.CreateWithWheelAsync();

        // What `alembic upgrade --sql` gives a migration: an Operations object on a context that writes SQL out.
        var script = await venv.PythonAsync("""
            import io
            from alembic.operations import Operations
            from alembic.runtime.migration import MigrationContext
            from pgseq.alembic import repair_sequences
            out = io.StringIO()
            context = MigrationContext.configure(dialect_name="postgresql", opts={"as_sql": True, "output_buffer": out})
            repair_sequences(Operations(context), tables=["public.loans"])
            print(out.getvalue())
            """);

        Assert.StartsWith("-- pgseq repair block", script, StringComparison.Ordinal);
        Assert.Contains("DO $", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sqlalchemy_and_dbapi_helpers_repair_on_the_callers_connection()
    {
        using var venv = await Venv.CreateWithWheelAsync();
        await using var viaSqlAlchemy = await server.CreateDatabaseAsync();
        await using var viaPsycopg2 = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(viaSqlAlchemy);
        await Scenarios.LoadIncidentAsync(viaPsycopg2);

        await venv.PythonAsync("""
            import sys, sqlalchemy
            from pgseq.sqlalchemy import repair_sequences
            engine = sqlalchemy.create_engine(sys.argv[1], future=True)
            with engine.begin() as connection:
                repair_sequences(connection)
            repair_sequences(engine)  # nothing left to move: the block is idempotent
            """, viaSqlAlchemy.ConnectionStringForPsql());
        await venv.PythonAsync("""
            import sys, psycopg2
            from pgseq.dbapi import repair_sequences
            with psycopg2.connect(sys.argv[1]) as connection:
                repair_sequences(connection, tables=["public.loans"])
            """, viaPsycopg2.ConnectionStringForPsql());

        Assert.Equal(29, await viaSqlAlchemy.ScalarAsync<long>("SELECT nextval('loans_id_seq')"));
        Assert.Equal(65, await viaSqlAlchemy.ScalarAsync<long>("SELECT nextval('installments_id_seq')"));
        Assert.Equal(29, await viaPsycopg2.ScalarAsync<long>("SELECT nextval('loans_id_seq')"));
        Assert.Equal(1, await viaPsycopg2.ScalarAsync<long>("SELECT nextval('installments_id_seq')"));
    }

    private static int Number(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
}
