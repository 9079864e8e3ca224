using PgSeq.Tests.Infrastructure;

namespace PgSeq.Packaging.Tests.Infrastructure;

/// <summary>
/// A fresh virtual environment of Debian's /usr/bin/python3 with the pgseq wheel installed by pip, offline. It sees
/// Debian's site packages (--system-site-packages) for Alembic, SQLAlchemy and psycopg2, as ./test.sh installs them.
/// </summary>
public sealed class Venv : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private Venv(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>A program in the environment's bin/, such as pgseq or python.</summary>
    public string Bin(string program) => Path.Combine(Directory, "bin", program);

    public static async Task<Venv> CreateWithWheelAsync()
    {
        var wheel = Artifacts.Find(Artifacts.WheelPackage);
        var probe = File.Exists(Python) ? await Commands.RunAsync(Python, ["-c", "import venv, ensurepip, alembic, sqlalchemy, psycopg2"]) : null;
        if (probe is not { ExitCode: 0 })
        {
            Requirement.Missing($"{Python} lacks venv, Alembic, SQLAlchemy or psycopg2: run ./test.sh, which installs them, "
                + "or apt-get install -y python3-venv python3-alembic python3-sqlalchemy python3-psycopg2");
        }

        var venv = new Venv(System.IO.Directory.CreateTempSubdirectory("pgseq-venv-").FullName);
        try
        {
            await Commands.SucceedAsync(Python, "-m", "venv", "--system-site-packages", venv.Directory);
            await Commands.SucceedAsync(venv.Bin("pip"), "install", "--no-index", "--disable-pip-version-check", "--quiet", wheel);
            return venv;
        }
        catch
        {
            venv.Dispose();
            throw;
        }
    }

    /// <summary>Runs Python code in the environment (its interpreter, not on PATH: the wheel must find its own pgseq).</summary>
    public Task<string> PythonAsync(string code, params string[] arguments) =>
        Commands.SucceedAsync(Bin("python"), ["-c", code, .. arguments]);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
