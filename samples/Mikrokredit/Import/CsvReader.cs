using System.Text;

namespace Mikrokredit.Import;

/// <summary>
/// Splits RFC 4180 CSV into records: fields separated by commas, records by LF or CRLF, fields in double quotes may
/// hold commas, line breaks and doubled quotes. As in PostgreSQL's CSV format, an unquoted empty field is NULL and a
/// quoted one an empty string.
/// </summary>
internal static class CsvReader
{
    public static List<CsvRecord> Read(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<CsvField>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        var i = 0;

        void EndField()
        {
            fields.Add(new CsvField(field.ToString(), quoted));
            field.Clear();
            quoted = false;
        }

        void EndRecord()
        {
            EndField();
            records.Add(new CsvRecord(recordLine, [.. fields]));
            fields.Clear();
            recordLine = line;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0 && !quoted)
            {
                quoted = true;
                i = ReadQuoted(text, i + 1, field, ref line, recordLine);
                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    line++;
                    EndRecord();
                    break;
                default:
                    if (quoted)
                    {
                        throw new ImportFormatException($"line {line}: text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")");
                    }

                    field.Append(c);
                    break;
            }

            i++;
        }

        if (fields.Count > 0 || field.Length > 0 || quoted)
        {
            EndRecord();
        }

        return records;
    }

    // Reads a quoted field's content from just after its opening quote; returns the index just after the closing quote.
    private static int ReadQuoted(string text, int i, StringBuilder field, ref int line, int recordLine)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            if (c == '\n')
            {
                line++;
            }

            field.Append(c);
            i++;
        }

        throw new ImportFormatException($"line {recordLine}: a quoted field is never closed");
    }
}
