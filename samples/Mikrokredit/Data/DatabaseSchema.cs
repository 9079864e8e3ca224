using Npgsql;

namespace Mikrokredit.Data;

/// <summary>Creates the incident's schema (demo/mikrokredit-schema.sql, embedded) in a database that has none yet.</summary>
internal static class DatabaseSchema
{
    /// <summary>Creates the tables and their sequences when both tables are missing; returns whether it did.</summary>
    /// <exception cref="InvalidOperationException">Only one of the two tables exists: the database is not mikrokredit's.</exception>
    public static async Task<bool> EnsureCreatedAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The web app and an import may start at once on an empty database; the lock lets one create the schema and
        // the other find it.
        await using (var serialize = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('mikrokredit schema'))", connection, transaction))
        {
            await serialize.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var probe = new NpgsqlCommand(
            "SELECT to_regclass('loans') IS NOT NULL, to_regclass('installments') IS NOT NULL", connection, transaction);
        bool hasLoans, hasInstallments;
        await using (var reader = await probe.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (hasLoans, hasInstallments) = (reader.GetBoolean(0), reader.GetBoolean(1));
        }

        if (hasLoans && hasInstallments)
        {
            return false;
        }

        if (hasLoans || hasInstallments)
        {
            throw new InvalidOperationException(
                $"the database has the table {(hasLoans ? "loans" : "installments")} but not {(hasLoans ? "installments" : "loans")}; point ConnectionStrings:Mikrokredit at mikrokredit's database or an empty one");
        }

        await using (var create = new NpgsqlCommand(await ReadSchemaAsync(cancellationToken), connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<string> ReadSchemaAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(DatabaseSchema).Assembly.GetManifestResourceStream("Mikrokredit.schema.sql")
            ?? throw new InvalidOperationException("the embedded resource Mikrokredit.schema.sql is missing from the build");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
