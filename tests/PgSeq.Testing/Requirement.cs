namespace PgSeq.Tests.Infrastructure;

/// <summary>Components a test needs from the machine (ORMs, Prometheus, the schema corpus), which ./test.sh installs.</summary>
public static class Requirement
{
    /// <summary>Ends the test because a component is absent: a failure on CI (CI=true), where ./test.sh has installed
    /// everything; elsewhere a skip with <paramref name="message"/>, which says how to get it.</summary>
    public static void Missing(string message)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }
}
