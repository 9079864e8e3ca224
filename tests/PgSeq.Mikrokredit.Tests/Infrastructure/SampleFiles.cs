namespace PgSeq.Mikrokredit.Tests.Infrastructure;

/// <summary>The sample's import files (samples/Mikrokredit/import, copied next to the test binaries).</summary>
public static class SampleFiles
{
    /// <summary>28 loans and 64 installments with their ids, as JSON.</summary>
    public static string Json => Path.Combine(AppContext.BaseDirectory, "import", "loans-28.json");

    /// <summary>The same rows as CSV.</summary>
    public static string Csv => Path.Combine(AppContext.BaseDirectory, "import", "loans-28.csv");
}
