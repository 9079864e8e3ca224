using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Docs;

/// <summary>docs/json.md against the document <c>check --json</c> prints for the incident it shows.</summary>
public sealed partial class JsonPageTests(PostgresServer server)
{
    private static readonly MarkdownFile Page = MarkdownFile.Read("docs/json.md");

    [Fact]
    public async Task The_documented_example_has_exactly_the_keys_and_the_values_check_json_prints_for_the_incident()
    {
        using var documented = JsonDocument.Parse(Assert.Single(Page.CodeBlocks, b => b.Language == "json").Text);
        using var printed = await CheckJsonOfTheIncidentAsync();

        Assert.Equal(Paths(printed.RootElement).Order(StringComparer.Ordinal), Paths(documented.RootElement).Order(StringComparer.Ordinal));
        // The example shows the loans sequence of the two; the server and the database are this test's own.
        var loans = printed.RootElement.GetProperty("sequences").EnumerateArray().Single(s => s.GetProperty("sequence").GetString() == "public.loans_id_seq");
        AssertSameValues(Assert.Single(documented.RootElement.GetProperty("sequences").EnumerateArray()), loans, "sequences[0]");
        foreach (var key in new[] { "standby", "command", "dry_run", "interrupted", "error", "summary", "cutover" })
        {
            AssertSameValues(documented.RootElement.GetProperty(key), printed.RootElement.GetProperty(key), key);
        }
    }

    [Fact]
    public async Task Every_key_the_table_explains_is_in_the_document()
    {
        using var printed = await CheckJsonOfTheIncidentAsync();
        var paths = Paths(printed.RootElement).ToList();
        var explained = File.ReadAllLines(Repository.File("docs", "json.md")).Select(l => TableKey().Match(l)).Where(m => m.Success).Select(m => m.Groups["key"].Value).ToList();

        Assert.NotEmpty(explained);
        Assert.All(explained, key => Assert.Contains(paths, p => p == key || p.EndsWith("." + key, StringComparison.Ordinal)));
    }

    private async Task<JsonDocument> CheckJsonOfTheIncidentAsync()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        var result = await CliRunner.RunAsync("check", "--json", db.ConnectionStringForPsql());
        Assert.True(result.ExitCode == 2, result.ToString());
        return JsonDocument.Parse(result.Stdout);
    }

    // Every key's path from the root, array elements as [] (sequences[].columns[].kind).
    private static IEnumerable<string> Paths(JsonElement element, string prefix = "") => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Paths(p.Value, Join(prefix, p.Name)).Prepend(Join(prefix, p.Name))).Distinct(),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Paths(e, prefix + "[]")).Distinct(),
        _ => [],
    };

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    // Equal values, numbers to the precision the page writes them in (1.3e-08 for 1.3038...e-08).
    private static void AssertSameValues(JsonElement documented, JsonElement printed, string path)
    {
        Assert.True(documented.ValueKind == printed.ValueKind, $"{path}: documented {documented}, printed {printed}");
        switch (documented.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in documented.EnumerateObject())
                {
                    AssertSameValues(property.Value, printed.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.True(documented.GetArrayLength() == printed.GetArrayLength(), $"{path}: documented {documented}, printed {printed}");
                foreach (var (d, p) in documented.EnumerateArray().Zip(printed.EnumerateArray()))
                {
                    AssertSameValues(d, p, $"{path}[]");
                }

                break;
            case JsonValueKind.Number:
                var digits = documented.GetRawText().Split('e', 'E')[0].TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0').Length;
                var rounded = double.Parse(printed.GetDouble().ToString($"G{Math.Max(digits, 1)}", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                Assert.True(documented.GetDouble() == rounded, $"{path}: documented {documented}, printed {printed}");
                break;
            default:
                Assert.True(documented.GetRawText() == printed.GetRawText(), $"{path}: documented {documented}, printed {printed}");
                break;
        }
    }

    // A row of the key table: | `columns[].kind` | ... |
    [GeneratedRegex(@"^\| `(?<key>[a-z_.\[\]]+)` \|")]
    private static partial Regex TableKey();
}
