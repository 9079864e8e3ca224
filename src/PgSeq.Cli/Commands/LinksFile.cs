namespace PgSeq.Cli.Commands;

/// <summary>
/// The <c>--links</c> file, kept with the application's code: one <c>SEQUENCE=SCHEMA.TABLE.COLUMN</c> per line; blank
/// lines and everything after a <c>#</c> outside double quotes are ignored. Each link remembers its line for messages.
/// </summary>
internal static class LinksFile
{
    /// <exception cref="InputException">The file cannot be read, or a line is not a link.</exception>
    public static async Task<IReadOnlyList<ExplicitLink>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(path, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InputException("LinksUnreadable", path, error.Message);
        }

        var links = new List<ExplicitLink>();
        for (var i = 0; i < lines.Length; i++)
        {
            var text = WithoutComment(lines[i]).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var link = LinkText.Parse(text) ?? throw new InputException("LinksLine", path, i + 1, text);
            links.Add(link with { Origin = $"{path}:{i + 1}" });
        }

        return links;
    }

    private static string WithoutComment(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == '#' && !quoted)
            {
                return line[..i];
            }
        }

        return line;
    }
}
