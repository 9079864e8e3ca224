namespace PgSeq.Session;

/// <summary>Facts about the connection that decide what pgseq may do.</summary>
/// <param name="Database">current_database().</param>
/// <param name="User">current_user, quoted for use in SQL text.</param>
/// <param name="ServerVersion">server_version.</param>
/// <param name="InRecovery">True on a hot standby.</param>
/// <param name="ReadOnly">True when transactions are read-only by default (default_transaction_read_only).</param>
/// <param name="VersionNumber">server_version_num, such as 150018.</param>
internal sealed record SessionInfo(string Database, string User, string ServerVersion, bool InRecovery, bool ReadOnly, int VersionNumber)
{
    /// <summary>The settings pgseq changes, as they were before.</summary>
    public required SessionSettings PreviousSettings { get; init; }

    /// <summary>Refuses a repair run on a server or session that cannot change sequences.</summary>
    /// <exception cref="PgSeqException">A hot standby, or read-only transactions by default.</exception>
    public void EnsureWritable()
    {
        if (InRecovery)
        {
            throw new PgSeqException(Phrases.HotStandby(Database));
        }

        if (ReadOnly)
        {
            throw new PgSeqException(Phrases.ReadOnly(User, Database));
        }
    }
}
