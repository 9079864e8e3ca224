using System.Reflection;
using System.Text.RegularExpressions;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Docs;

/// <summary>docs/safety.md's guarantees table names the tests that prove each promise; those tests exist.</summary>
public sealed partial class SafetyPageTests
{
    [Fact]
    public void Every_test_the_safety_guarantees_table_names_is_a_test_of_this_suite()
    {
        var table = File.ReadAllLines(Repository.File("docs", "safety.md")).SkipWhile(l => l != "## Safety guarantees").Where(l => l.StartsWith('|'));
        var named = table.SelectMany(l => TestName().Matches(l)).Select(m => (Class: m.Groups["class"].Value, Method: m.Groups["method"].Value)).ToList();
        var classes = typeof(SafetyPageTests).Assembly.GetTypes().Where(t => t.Name.EndsWith("Tests", StringComparison.Ordinal)).ToLookup(t => t.Name);

        Assert.True(named.Count > 20, $"only {named.Count} test names found in the table");
        Assert.All(named, n =>
        {
            var type = Assert.Single(classes[n.Class]);
            if (n.Method.Length > 0)
            {
                Assert.True(type.GetMethod(n.Method, BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttribute<FactAttribute>() is not null, $"{n.Class}.{n.Method} is not a test");
            }
        });
    }

    // `FaultTests.Killed_at_random_points_...` or `PasswordTests` in a table cell.
    [GeneratedRegex(@"`(?<class>[A-Z][A-Za-z]*Tests)(?:\.(?<method>[A-Za-z0-9_]+))?`")]
    private static partial Regex TestName();
}
