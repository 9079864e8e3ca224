using System.Text;

namespace PgSeq.Cli.Connection;

/// <summary>
/// Parses a libpq keyword/value connection string (<c>host=db port=5432 dbname='my db'</c>): pairs separated by
/// whitespace, spaces allowed around <c>=</c>, values single-quoted when they hold spaces, with <c>\'</c> and <c>\\</c>
/// as escapes (as in PQconnectdb).
/// </summary>
internal static class LibpqConnInfo
{
    /// <summary>The keyword/value pairs in order; a later duplicate wins, as in libpq.</summary>
    public static Dictionary<string, string> Parse(string text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (true)
        {
            SkipSpace(text, ref i);
            if (i >= text.Length)
            {
                return pairs;
            }

            var keyStart = i;
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var key = text[keyStart..i];
            SkipSpace(text, ref i);
            if (i >= text.Length || text[i] != '=')
            {
                throw new InputException("Conn_MissingEquals", key);
            }

            i++;
            SkipSpace(text, ref i);
            pairs[key] = ReadValue(text, ref i, key);
        }
    }

    private static string ReadValue(string text, ref int i, string key)
    {
        var value = new StringBuilder();
        if (i < text.Length && text[i] == '\'')
        {
            for (i++; ; i++)
            {
                if (i >= text.Length)
                {
                    throw new InputException("Conn_UnterminatedQuote", key);
                }

                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    value.Append(text[++i]);
                }
                else if (text[i] == '\'')
                {
                    i++;
                    return value.ToString();
                }
                else
                {
                    value.Append(text[i]);
                }
            }
        }

        for (; i < text.Length && !char.IsWhiteSpace(text[i]); i++)
        {
            value.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
        }

        return value.ToString();
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
