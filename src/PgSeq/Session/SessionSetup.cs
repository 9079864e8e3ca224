using Npgsql;

namespace PgSeq.Session;

/// <summary>
/// Bounds every query and lock wait of the session, turns row level security off, and reads what the session may do.
/// With <c>row_security = off</c> (as pg_dump runs) a query on a table whose policies apply to the role fails instead
/// of returning the rows the policies let through: MAX() of part of the rows would be a wrong answer, not a slow one.
/// JIT compilation is off: the catalog query's estimates run into billions of rows on large catalogs, and compiling it
/// took 4.4 of its 14 s at 100,000 tables; the probes read a row or an index end and gain nothing from it either.
/// </summary>
internal static class SessionSetup
{
    private const string Sql = """
        SELECT pg_catalog.current_setting('statement_timeout') AS previous_statement_timeout,
               pg_catalog.current_setting('lock_timeout') AS previous_lock_timeout,
               pg_catalog.current_setting('row_security') AS previous_row_security,
               pg_catalog.current_setting('jit') AS previous_jit,
               pg_catalog.set_config('statement_timeout', $1, false),
               pg_catalog.set_config('lock_timeout', $2, false),
               pg_catalog.set_config('row_security', 'off', false),
               pg_catalog.set_config('jit', 'off', false),
               pg_catalog.current_database() AS database,
               pg_catalog.quote_ident(current_user) AS role,
               pg_catalog.current_setting('server_version') AS server_version,
               pg_catalog.pg_is_in_recovery() AS in_recovery,
               pg_catalog.current_setting('transaction_read_only') = 'on' AS read_only,
               pg_catalog.current_setting('server_version_num')::int4 AS version_number
        """;

    private const string RestoreSql = """
        SELECT pg_catalog.set_config('statement_timeout', $1, false), pg_catalog.set_config('lock_timeout', $2, false),
               pg_catalog.set_config('row_security', $3, false), pg_catalog.set_config('jit', $4, false)
        """;

    /// <summary>Sets <c>statement_timeout</c>, <c>lock_timeout</c>, <c>row_security</c> and <c>jit</c> for the session and
    /// returns what it is connected to.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="options">The timeouts.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <param name="readOnly">Also make every transaction of the session read-only (for a source database, which pgseq never writes).</param>
    public static async Task<SessionInfo> PrepareAsync(
        NpgsqlConnection connection, CheckOptions options, CancellationToken cancellationToken, bool readOnly = false)
    {
        if (readOnly)
        {
            var guard = new NpgsqlCommand("SET default_transaction_read_only = on", connection);
            await using var guardScope = guard.ConfigureAwait(false);
            await guard.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters =
            {
                new() { Value = Durations.Setting(options.StatementTimeout) },
                new() { Value = Durations.Setting(options.LockTimeout) },
            },
        };
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new SessionInfo(
            reader.GetString(reader.GetOrdinal("database")),
            reader.GetString(reader.GetOrdinal("role")),
            reader.GetString(reader.GetOrdinal("server_version")),
            reader.GetBoolean(reader.GetOrdinal("in_recovery")),
            reader.GetBoolean(reader.GetOrdinal("read_only")),
            reader.GetInt32(reader.GetOrdinal("version_number")))
        {
            PreviousSettings = new(
                reader.GetString(reader.GetOrdinal("previous_statement_timeout")),
                reader.GetString(reader.GetOrdinal("previous_lock_timeout")),
                reader.GetString(reader.GetOrdinal("previous_row_security")),
                reader.GetString(reader.GetOrdinal("previous_jit"))),
        };
    }

    /// <summary>Puts back the settings a caller's connection had before pgseq used it.</summary>
    public static async Task RestoreAsync(NpgsqlConnection connection, SessionInfo session)
    {
        var command = new NpgsqlCommand(RestoreSql, connection)
        {
            Parameters =
            {
                new() { Value = session.PreviousSettings.StatementTimeout },
                new() { Value = session.PreviousSettings.LockTimeout },
                new() { Value = session.PreviousSettings.RowSecurity },
                new() { Value = session.PreviousSettings.Jit },
            },
        };
        await using var commandScope = command.ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
