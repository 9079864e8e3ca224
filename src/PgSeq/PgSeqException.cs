namespace PgSeq;

/// <summary>
/// A run could not start or go on, for a reason that concerns the whole database rather than one sequence (for example
/// <c>fix</c> on a read-only server). The message says what failed and what to do.
/// </summary>
public class PgSeqException : Exception
{
    /// <summary>Creates the exception with a message that says what failed and what to do.</summary>
    public PgSeqException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception from a phrase, which a front end may translate.</summary>
    public PgSeqException(Phrase phrase)
        : base(phrase?.ToString())
    {
        Phrase = phrase;
    }

    /// <summary>Creates the exception from a phrase and the error behind it.</summary>
    public PgSeqException(Phrase phrase, Exception innerException)
        : base(phrase?.ToString(), innerException)
    {
        Phrase = phrase;
    }

    /// <summary>The message as a phrase, when it was made from one.</summary>
    public Phrase? Phrase { get; }

    /// <summary>Creates the exception with a message and the error behind it.</summary>
    public PgSeqException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PgSeqException()
    {
    }
}
