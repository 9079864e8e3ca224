namespace PgSeq.Repair;

/// <summary>
/// How a repair holds the sequence against nextval() callers until it commits. <c>LOCK TABLE</c> refuses sequences,
/// but any ALTER SEQUENCE locks out nextval(); the two forms differ in what else they do.
/// </summary>
internal enum SequenceHold
{
    /// <summary>
    /// <c>ALTER SEQUENCE ... INCREMENT BY</c> its own increment: gives the sequence new storage, so the setval() that
    /// follows is transactional and rolls back with the caller's transaction. Costs a new relation file and a catalog
    /// update per sequence.
    /// </summary>
    AlterIncrement,

    /// <summary>
    /// <c>ALTER SEQUENCE ... SET LOGGED</c> (SET UNLOGGED for an unlogged sequence), PostgreSQL 15 and later: changes
    /// nothing and takes an ACCESS EXCLUSIVE lock, without new storage or a catalog update. setval() is then not
    /// transactional, which is harmless when it is the last step of a transaction of its own: the sequence ends up
    /// untouched or at the position decided under the locks.
    /// </summary>
    AlterPersistence,
}
