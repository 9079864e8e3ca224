namespace PgSeq.Session;

/// <summary>The session settings pgseq changes for its work, kept to be put back on a caller's connection.</summary>
/// <param name="StatementTimeout">statement_timeout.</param>
/// <param name="LockTimeout">lock_timeout.</param>
/// <param name="RowSecurity">row_security.</param>
/// <param name="Jit">jit.</param>
internal sealed record SessionSettings(string StatementTimeout, string LockTimeout, string RowSecurity, string Jit);
