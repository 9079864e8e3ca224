#region The library: an import and its repair in one transaction
using Npgsql;
using PgSeq;

namespace MyApp;

public static class LoanImport
{
    // Rows copied with their ids, and the repair they make necessary, commit (or roll back) together.
    public static async Task ImportAsync(NpgsqlConnection connection, TextReader loansCsv, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var copy = await connection.BeginTextImportAsync("COPY loans FROM STDIN WITH (FORMAT csv)", cancellationToken))
        {
            await copy.WriteAsync(await loansCsv.ReadToEndAsync(cancellationToken));
        }

        await SequenceDrift.FixAsync(transaction, new FixOptions { Tables = ["public.loans"] }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
#endregion
