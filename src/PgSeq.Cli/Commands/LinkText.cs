namespace PgSeq.Cli.Commands;

/// <summary>
/// <c>SEQUENCE=SCHEMA.TABLE.COLUMN</c> as <c>--link</c> and the <c>--links</c> file write it. The first <c>=</c> outside
/// double quotes separates the two, so quoted names may hold one (<c>"a=b"=public.t.id</c>).
/// </summary>
internal static class LinkText
{
    public static ExplicitLink? Parse(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == '=' && !quoted)
            {
                var (sequence, column) = (text[..i].Trim(), text[(i + 1)..].Trim());
                return sequence.Length > 0 && column.Length > 0 ? new ExplicitLink(sequence, column) : null;
            }
        }

        return null;
    }
}
