namespace PgSeq;

/// <summary>A schema or table pattern in <see cref="CheckOptions"/> cannot be parsed.</summary>
public sealed class InvalidPatternException : ArgumentException
{
    /// <summary>Creates the exception from the phrase that explains it.</summary>
    public InvalidPatternException(Phrase phrase)
        : base(phrase?.ToString())
    {
        Phrase = phrase!;
    }

    /// <summary>What is wrong with the pattern and how to write it, as a phrase a front end may translate.</summary>
    public Phrase Phrase { get; }
}
