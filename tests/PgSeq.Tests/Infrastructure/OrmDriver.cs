namespace PgSeq.Tests.Infrastructure;

/// <summary>
/// A driver script of tests/orm: a real ORM, run by Debian's interpreter (the one ./test.sh installs the ORM for; a
/// python3 earlier on PATH, such as pyenv's, lacks it), that makes its schema, imports rows with explicit ids and
/// inserts through the ORM. Exit 0 with the new id on stdout, 3 on a duplicate key.
/// </summary>
/// <param name="Name">The ORM, for messages.</param>
/// <param name="Interpreter">The interpreter's path.</param>
/// <param name="Script">The script in tests/orm.</param>
/// <param name="Probe">Code for the interpreter that fails when the ORM is absent.</param>
/// <param name="Packages">The Debian packages that provide it.</param>
public sealed record OrmDriver(string Name, string Interpreter, string Script, string Probe, string Packages)
{
    public const int DuplicateKey = 3;

    public static OrmDriver SqlAlchemy { get; } = Python("SQLAlchemy", "sqlalchemy_driver.py", "import sqlalchemy, psycopg2", "python3-sqlalchemy python3-psycopg2");

    public static OrmDriver Alembic { get; } = Python("Alembic", "alembic_driver.py", "import alembic, sqlalchemy, psycopg2", "python3-alembic python3-sqlalchemy python3-psycopg2");

    public static OrmDriver Django { get; } = Python("Django", "django_driver.py", "import django, psycopg2", "python3-django python3-psycopg2");

    public static OrmDriver ActiveRecord { get; } = new("ActiveRecord", "/usr/bin/ruby", "activerecord_driver.rb", "-e require 'active_record'; require 'pg'", "ruby-activerecord ruby-pg");

    /// <summary>Runs one step (schema, import, insert) against <paramref name="url"/>; the test ends when the ORM is absent.</summary>
    public async Task<ProcessResult> RunAsync(string url, string step, IReadOnlyDictionary<string, string?>? environment = null, params string[] more)
    {
        await EnsureInstalledAsync();
        return await ProcessRunner.RunAsync(Interpreter, [Repository.File("tests", "orm", Script), url, step, .. more], environment);
    }

    /// <summary>Runs a step that must succeed, failing the test with what the driver printed otherwise.</summary>
    public async Task<string> SucceedAsync(string url, string step, params string[] more)
    {
        var result = await RunAsync(url, step, null, more);
        Assert.True(result.ExitCode == 0, $"{Name} {step} exited {result.ExitCode}:\n{result.Output}");
        return result.Stdout.Trim();
    }

    private async Task EnsureInstalledAsync()
    {
        var probe = File.Exists(Interpreter) ? await ProcessRunner.RunAsync(Interpreter, Probe.Split(' ', 2)) : null;
        if (probe is not { ExitCode: 0 })
        {
            Requirement.Missing($"{Name} is not installed for {Interpreter}: run ./test.sh, which installs it, or apt-get install -y {Packages}");
        }
    }

    private static OrmDriver Python(string name, string script, string import, string packages) =>
        new(name, "/usr/bin/python3", script, $"-c {import}", packages);
}
