namespace Mikrokredit.Import;

/// <summary>One field of a CSV record; <paramref name="Quoted"/> tells <c>""</c> (an empty string) from nothing (NULL).</summary>
internal readonly record struct CsvField(string Text, bool Quoted)
{
    public bool IsNull => Text.Length == 0 && !Quoted;
}
