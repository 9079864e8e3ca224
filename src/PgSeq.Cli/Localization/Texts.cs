using System.Globalization;
using System.Resources;

namespace PgSeq.Cli.Localization;

/// <summary>
/// The words of pgseq's human output in one language (English or Russian, from Strings.resx and Strings.ru.resx).
/// Reasons and actions come from the library as <see cref="Phrase"/>s and are looked up by key ("Phrase_" + key);
/// a phrase without a translation keeps its English template. JSON, metrics and exit codes never go through here.
/// </summary>
internal sealed class Texts
{
    private static readonly ResourceManager Resources = new("PgSeq.Cli.Localization.Strings", typeof(Texts).Assembly);

    // POSIX order of precedence for the message language.
    private static readonly string[] LocaleVariables = ["LC_ALL", "LC_MESSAGES", "LANG"];

    public Texts(CultureInfo culture) => Culture = culture;

    public static Texts English { get; } = new(CultureInfo.InvariantCulture);

    public CultureInfo Culture { get; }

    /// <summary>The string for <paramref name="key"/>, filled with <paramref name="arguments"/>.</summary>
    public string this[string key, params object[] arguments] =>
        string.Format(
            CultureInfo.InvariantCulture, Resources.GetString(key, Culture) ?? throw new KeyNotFoundException($"no string {key}"), arguments);

    /// <summary>A library phrase in this language.</summary>
    public string Say(Phrase phrase) => phrase.Render(p => Resources.GetString("Phrase_" + p.Key, Culture) ?? p.Template);

    /// <summary>"1 sequence", "5 sequences"; Russian has three forms (1, 2-4, 5+).</summary>
    public string Count(int count, string noun) => this[$"{noun}_{PluralForm(count)}", count];

    /// <summary>
    /// The language: <paramref name="requested"/> (--lang) if given, else the POSIX locale variables in their order of
    /// precedence (LC_ALL, LC_MESSAGES, LANG), else the process's UI culture. Only English and Russian exist; anything
    /// else is English.
    /// </summary>
    public static Texts For(string? requested, Func<string, string?> environment)
    {
        var locale = requested
            ?? LocaleVariables.Select(environment).FirstOrDefault(v => !string.IsNullOrEmpty(v))
            ?? CultureInfo.CurrentUICulture.Name;
        return locale.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? new Texts(CultureInfo.GetCultureInfo("ru")) : English;
    }

    /// <summary>Whether <paramref name="name"/> is a language --lang accepts (en or ru, in any case).</summary>
    public static bool IsLanguage(string name) => name.ToLowerInvariant() is "en" or "ru";

    private string PluralForm(int count)
    {
        // By name: with invariant globalization (see PgSeq.Cli.csproj) a culture carries its name but no data of its own.
        if (!Culture.Name.StartsWith("ru", StringComparison.Ordinal))
        {
            return count == 1 ? "One" : "Many";
        }

        var (last, lastTwo) = (count % 10, count % 100);
        return last == 1 && lastTwo != 11 ? "One" : last is >= 2 and <= 4 && lastTwo is < 12 or > 14 ? "Few" : "Many";
    }
}
