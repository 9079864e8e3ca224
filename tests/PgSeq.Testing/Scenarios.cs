namespace PgSeq.Tests.Infrastructure;

/// <summary>The SQL scenarios shipped in demo/ (copied next to the test binaries).</summary>
public static class Scenarios
{
    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "scenarios", file);

    public static string Read(string file) => File.ReadAllText(Path(file));

    /// <summary>Loads the mikrokredit schema and the import that drifted its sequences.</summary>
    public static async Task LoadIncidentAsync(TestDatabase database)
    {
        await database.ExecuteAsync(Read("mikrokredit-schema.sql"));
        await database.ExecuteAsync(Read("mikrokredit-import.sql"));
    }
}
