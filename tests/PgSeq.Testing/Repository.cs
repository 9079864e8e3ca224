namespace PgSeq.Tests.Infrastructure;

/// <summary>Files of this repository, found from the test binaries upwards.</summary>
public static class Repository
{
    /// <summary>The folder that holds PgSeq.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path below the root.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "PgSeq.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PgSeq.sln not found above the test binaries");
    }
}
