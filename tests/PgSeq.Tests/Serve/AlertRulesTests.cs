using System.Text.RegularExpressions;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Serve;

/// <summary>The deploy files' alert rules, checked and unit-tested by promtool as an operator would before loading them.</summary>
public sealed partial class AlertRulesTests
{
    private const string Promtool = "/usr/bin/promtool";
    private static readonly string Rules = Repository.File("deploy", "prometheus", "pgseq-rules.yml");
    private static readonly string RuleTests = Repository.File("deploy", "prometheus", "pgseq-rules.test.yml");

    [Fact]
    public async Task The_rules_pass_promtool_check_and_their_unit_tests_show_every_alert_firing_and_not_firing()
    {
        if (!File.Exists(Promtool))
        {
            Requirement.Missing($"{Promtool} is missing: install Debian's prometheus package (./test.sh does)");
        }

        var check = await ProcessRunner.RunAsync(Promtool, ["check", "rules", Rules], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("SUCCESS: 8 rules found", check.Output, StringComparison.Ordinal);

        var test = await ProcessRunner.RunAsync(Promtool, ["test", "rules", RuleTests], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(test.ExitCode == 0, test.Output);
        Assert.Contains("SUCCESS", test.Output, StringComparison.Ordinal);

        // Each alert has a case where it fires (expected alerts listed) and one where it does not (none expected).
        var alerts = AlertName().Matches(await File.ReadAllTextAsync(Rules, TestContext.Current.CancellationToken)).Select(m => m.Groups[1].Value).ToList();
        var cases = TestCase().Matches(await File.ReadAllTextAsync(RuleTests, TestContext.Current.CancellationToken))
            .Select(m => (Alert: m.Groups[1].Value, Fires: m.Groups[2].Value.Trim() != "[]")).ToList();
        Assert.Equal(8, alerts.Count);
        Assert.All(alerts, alert =>
        {
            Assert.Contains((alert, true), cases);
            Assert.Contains((alert, false), cases);
        });
    }

    [GeneratedRegex(@"^\s*- alert: (\w+)$", RegexOptions.Multiline)]
    private static partial Regex AlertName();

    [GeneratedRegex(@"alertname: (\w+)\s+exp_alerts:(\s*\[\]|\s)", RegexOptions.Multiline)]
    private static partial Regex TestCase();
}
