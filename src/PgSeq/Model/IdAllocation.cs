namespace PgSeq;

/// <summary>
/// How an application that calls <c>nextval()</c> itself turns the value v it gets into ids, which decides how far ahead
/// of the data the sequence must be. pgseq cannot see this in the catalog; without being told it assumes the worst.
/// </summary>
public enum IdAllocation
{
    /// <summary>Not known: the sequence must be at least MAX + increment, so that a block taken below the value
    /// (<see cref="UpToValue"/>) is free too.</summary>
    Unknown,

    /// <summary>The application uses v, v + 1, ..., v + increment - 1 (EF Core HiLo, Hibernate's pooled-lo
    /// optimizer): the next value must be above MAX.</summary>
    FromValue,

    /// <summary>The application uses v - increment + 1, ..., v (Hibernate's default pooled optimizer): the next
    /// value must be at least MAX + increment.</summary>
    UpToValue,
}
