using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using PgSeq.Cli.Localization;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cli;

/// <summary>Human output in English and Russian; JSON and exit codes the same in both.</summary>
public sealed partial class LanguageTests(PostgresServer server)
{
    private static readonly Dictionary<string, string> Russian = new() { ["LANG"] = "ru_RU.UTF-8" };

    [Fact]
    public async Task Russian_output_from_lang_translates_table_statuses_reasons_and_summary()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);

        var check = await CliRunner.RunAsync(["check", db.ConnectionStringForPsql()], Russian);
        var fix = await CliRunner.RunAsync(["fix", db.ConnectionStringForPsql()], Russian);

        Assert.Equal((2, 0), (check.ExitCode, fix.ExitCode));
        Assert.Contains("| Таблица             | Столбец | Последовательность         | MAX | Следующее значение | Статус  | Действие", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("| отстаёт |", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("отстаёт public.loans_id_seq: следующее значение 2 не дальше MAX 28: последовательность отстаёт на 27, и самая следующая вставка столкнётся с существующим ключом", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("Проверено: 2 последовательности; 2 отстают. Самая следующая вставка упадёт для: 2 последовательности. Запустите `pgseq fix`, чтобы исправить.", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("| исправлено |", fix.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 последовательности: 2 исправлено.", fix.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lang_option_overrides_the_environment_and_json_is_the_same_in_every_language()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);

        var english = await CliRunner.RunAsync(["check", "--lang", "en", db.ConnectionStringForPsql()], Russian);
        var russian = await CliRunner.RunAsync(["check", "--lang", "ru", db.ConnectionStringForPsql()], new Dictionary<string, string>());
        var jsonRussian = await CliRunner.RunAsync(["check", "--json", db.ConnectionStringForPsql()], Russian);
        var jsonEnglish = await CliRunner.RunAsync(["check", "--json", db.ConnectionStringForPsql()], new Dictionary<string, string>());

        Assert.Contains("2 sequences checked: 2 drift.", english.Stdout, StringComparison.Ordinal);
        Assert.Contains("Проверено: 2 последовательности", russian.Stdout, StringComparison.Ordinal);
        Assert.Equal(jsonEnglish.Stdout, jsonRussian.Stdout);
        Assert.Equal((2, 2), (jsonRussian.ExitCode, jsonEnglish.ExitCode));
        using var json = JsonDocument.Parse(jsonRussian.Stdout);
        Assert.StartsWith("the next value", json.RootElement.GetProperty("sequences")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_are_one_line_in_russian_too()
    {
        var result = await CliRunner.RunAsync(["check", "postgresql://postgres@127.0.0.1:1/postgres"], Russian);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("pgseq: ошибка: не удалось подключиться к postgres@127.0.0.1:1/postgres: в подключении отказано", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData(1, "1 последовательность")]
    [InlineData(2, "2 последовательности")]
    [InlineData(5, "5 последовательностей")]
    [InlineData(11, "11 последовательностей")]
    [InlineData(21, "21 последовательность")]
    [InlineData(104, "104 последовательности")]
    [InlineData(112, "112 последовательностей")]
    public void Russian_counts_use_the_right_plural_form(int count, string expected)
    {
        Assert.Equal(expected, new Texts(CultureInfo.GetCultureInfo("ru")).Count(count, "Sequences"));
    }

    [Fact]
    public void Every_library_phrase_has_a_russian_translation_with_the_same_placeholders()
    {
        var resources = new ResourceManager("PgSeq.Cli.Localization.Strings", typeof(Texts).Assembly);
        var phrases = typeof(SequenceDrift).Assembly.GetType("PgSeq.Phrases", throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Phrase))
            .Select(m => (Phrase)m.Invoke(null, [.. m.GetParameters().Select(Dummy)])!)
            .ToList();

        Assert.True(phrases.Count > 30, $"found only {phrases.Count} phrases");
        foreach (var phrase in phrases)
        {
            var russian = resources.GetString("Phrase_" + phrase.Key, CultureInfo.GetCultureInfo("ru"));
            Assert.True(russian is not null, $"no Russian for phrase {phrase.Key}");
            Assert.Equal(Placeholders(phrase.Template), Placeholders(russian));
        }
    }

    [Fact]
    public void English_and_russian_resources_have_the_same_keys_and_placeholders()
    {
        var resources = new ResourceManager("PgSeq.Cli.Localization.Strings", typeof(Texts).Assembly);
        var english = Entries(resources, CultureInfo.InvariantCulture);
        var russian = Entries(resources, CultureInfo.GetCultureInfo("ru"));
        static Dictionary<string, string> Own(Dictionary<string, string> entries) =>
            entries.Where(e => !e.Key.StartsWith("Phrase_", StringComparison.Ordinal)).ToDictionary();

        Assert.Equal(Own(english).Keys.Order(StringComparer.Ordinal), Own(russian).Keys.Order(StringComparer.Ordinal));
        Assert.All(Own(english), e => Assert.Equal(Placeholders(e.Value), Placeholders(russian[e.Key])));

        // English overrides of library phrases (the command line's words for them) have a Russian twin with the same placeholders.
        Assert.All(english.Where(e => e.Key.StartsWith("Phrase_", StringComparison.Ordinal)), e => Assert.Equal(Placeholders(e.Value), Placeholders(russian[e.Key])));
    }

    private static Dictionary<string, string> Entries(ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static object? Dummy(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(Phrase) => new Phrase("dummy", "x", []),
        var t when t == typeof(ExplicitLink) => new ExplicitLink("s", "t.c") { Origin = "links.txt:1" },
        var t when t == typeof(long) || t == typeof(long?) => 7L,
        var t when t == typeof(bool) => false,
        _ => "x",
    };

    private static string[] Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
