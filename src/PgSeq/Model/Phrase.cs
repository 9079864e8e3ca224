using System.Globalization;

namespace PgSeq;

/// <summary>
/// A sentence pgseq says (a reason, an action): a stable <see cref="Key"/>, its English <see cref="Template"/> in
/// composite-format style, and the values that fill it. <see cref="ToString"/> gives the English sentence; a front end
/// can look the key up in its own language and fill it with the same arguments.
/// </summary>
/// <param name="Key">Stable identifier of the sentence, such as <c>behind_collides</c>.</param>
/// <param name="Template">The English sentence with <c>{0}</c>, <c>{1}</c>, ... placeholders.</param>
/// <param name="Arguments">The values: strings (names, numbers, SQL, already formatted) or nested phrases.</param>
public sealed record Phrase(string Key, string Template, IReadOnlyList<object> Arguments)
{
    /// <summary>The English sentence.</summary>
    public override string ToString() => Render(p => p.Template);

    /// <summary>Fills <paramref name="template"/>'s choice of template for this phrase and every nested one.</summary>
    /// <param name="template">Picks the template for a phrase, for example from a translation by <see cref="Key"/>.</param>
    public string Render(Func<Phrase, string> template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var values = Arguments.Select(a => a is Phrase nested ? nested.Render(template) : a).ToArray();
        return string.Format(CultureInfo.InvariantCulture, template(this), values);
    }
}
