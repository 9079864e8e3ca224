using Npgsql;
using PgSeq.Probing;

namespace PgSeq.Session;

/// <summary>Bounds every query and lock wait of the session and reads what the session may do.</summary>
internal static class SessionSetup
{
    private const string Sql = """
        SELECT pg_catalog.current_setting('statement_timeout'),
               pg_catalog.current_setting('lock_timeout'),
               pg_catalog.set_config('statement_timeout', $1, false),
               pg_catalog.set_config('lock_timeout', $2, false),
               pg_catalog.current_database(),
               pg_catalog.quote_ident(current_user),
               pg_catalog.current_setting('server_version'),
               pg_catalog.pg_is_in_recovery(),
               pg_catalog.current_setting('transaction_read_only') = 'on',
               pg_catalog.current_setting('server_version_num')::int4
        """;

    private const string RestoreSql = """
        SELECT pg_catalog.set_config('statement_timeout', $1, false), pg_catalog.set_config('lock_timeout', $2, false)
        """;

    /// <summary>Sets <c>statement_timeout</c> and <c>lock_timeout</c> for the session and returns what it is connected to.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="options">The timeouts.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <param name="readOnly">Also make every transaction of the session read-only (for a source database, which pgseq never writes).</param>
    public static async Task<SessionInfo> PrepareAsync(NpgsqlConnection connection, CheckOptions options, CancellationToken cancellationToken, bool readOnly = false)
    {
        if (readOnly)
        {
            await using var guard = new NpgsqlCommand("SET default_transaction_read_only = on", connection);
            await guard.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters =
            {
                new() { Value = Durations.Setting(options.StatementTimeout) },
                new() { Value = Durations.Setting(options.LockTimeout) },
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new SessionInfo(reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetBoolean(7), reader.GetBoolean(8), reader.GetInt32(9))
        {
            PreviousTimeouts = (reader.GetString(0), reader.GetString(1)),
        };
    }

    /// <summary>Puts back the timeouts a caller's connection had before pgseq used it.</summary>
    public static async Task RestoreAsync(NpgsqlConnection connection, SessionInfo session)
    {
        await using var command = new NpgsqlCommand(RestoreSql, connection)
        {
            Parameters = { new() { Value = session.PreviousTimeouts.Statement }, new() { Value = session.PreviousTimeouts.Lock } },
        };
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
