using System.Data;
using Npgsql;

namespace PgSeq.Session;

/// <summary>Tells an error that ends the whole run (the connection is gone) from one that concerns a single sequence.</summary>
internal static class ConnectionLoss
{
    /// <summary>True when <paramref name="error"/> took the connection down: the server shut down or terminated the
    /// session (SQLSTATE class 57P, 08), or Npgsql marked the connection broken.</summary>
    public static bool Is(NpgsqlException error, NpgsqlConnection connection) =>
        connection.FullState.HasFlag(ConnectionState.Broken)
        || error is PostgresException { SqlState: var state } && (state.StartsWith(
            "57P", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal));
}
