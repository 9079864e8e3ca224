using System.Text;
using System.Text.RegularExpressions;

namespace PgSeq.Catalog;

/// <summary>
/// A psql-style name pattern (as in <c>\dt public.loan*</c> or <c>pg_dump -t</c>): <c>*</c> matches any run of
/// characters, <c>?</c> any one character, unquoted letters are folded to lower case, and double quotes match
/// their content literally (<c>""</c> is one quote). A dot outside quotes separates schema from name. Other
/// characters match themselves.
/// </summary>
internal sealed class PsqlPattern
{
    private readonly Regex? _schema;
    private readonly Regex _name;

    private PsqlPattern(Regex? schema, Regex name)
    {
        _schema = schema;
        _name = name;
    }

    /// <summary>Parses a pattern that may name a schema: <c>schema.name</c>, or <c>name</c> for any schema.</summary>
    public static PsqlPattern ForRelation(string pattern)
    {
        var parts = Split(pattern);
        return parts.Count switch
        {
            1 => new PsqlPattern(null, parts[0]),
            2 => new PsqlPattern(parts[0], parts[1]),
            _ => throw new InvalidPatternException(Phrases.PatternDots(pattern)),
        };
    }

    /// <summary>Parses a schema pattern (no dot allowed outside quotes).</summary>
    public static PsqlPattern ForSchema(string pattern)
    {
        var parts = Split(pattern);
        return parts.Count == 1
            ? new PsqlPattern(null, parts[0])
            : throw new InvalidPatternException(
                Phrases.PatternSchemaDot(pattern, "\"" + pattern.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }

    /// <summary>True when <paramref name="name"/> (and <paramref name="schema"/>, if the pattern names one) match.</summary>
    public bool Matches(string schema, string name) =>
        (_schema is null || _schema.IsMatch(schema)) && _name.IsMatch(name);

    /// <summary>True when a pattern without a schema part matches <paramref name="name"/>.</summary>
    public bool Matches(string name) => _name.IsMatch(name);

    /// <summary>The schema part as a regular expression that PostgreSQL's <c>~</c> reads alike; null when there is none.</summary>
    public string? SchemaRegex => _schema?.ToString();

    /// <summary>The name part as a regular expression that PostgreSQL's <c>~</c> reads alike.</summary>
    public string NameRegex => _name.ToString();

    private static List<Regex> Split(string pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            throw new InvalidPatternException(Phrases.PatternEmpty());
        }

        var parts = new List<Regex>();
        var regex = new StringBuilder("^");
        var quoted = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '"')
            {
                if (quoted && i + 1 < pattern.Length && pattern[i + 1] == '"')
                {
                    regex.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (quoted)
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
            else if (c == '.')
            {
                parts.Add(Finish(regex));
                regex = new StringBuilder("^");
            }
            else if (c == '*')
            {
                regex.Append(".*");
            }
            else if (c == '?')
            {
                regex.Append('.');
            }
            else
            {
                regex.Append(Regex.Escape(char.ToLowerInvariant(c).ToString()));
            }
        }

        if (quoted)
        {
            throw new InvalidPatternException(Phrases.PatternQuote(pattern));
        }

        parts.Add(Finish(regex));
        return parts;
    }

    private static Regex Finish(StringBuilder regex) =>
        new(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
