using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mikrokredit.Data;
using Mikrokredit.Hosting;
using Npgsql;
using PgSeq;
using PgSeq.EntityFrameworkCore;

namespace Mikrokredit.Import;

/// <summary>
/// <c>Mikrokredit import FILE [--no-repair] [--KEY=VALUE ...]</c>: loads loans and installments with their ids from a
/// JSON or CSV file and, unless <c>--no-repair</c>, repairs the sequences in the same transaction. Other
/// <c>--KEY=VALUE</c> arguments are configuration, as for the web app (<c>--ConnectionStrings:Mikrokredit=...</c>).
/// </summary>
internal static class ImportCommand
{
    public const int Imported = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    private const string Usage = "usage: Mikrokredit import FILE [--no-repair] [--ConnectionStrings:Mikrokredit=CONNECTION]";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParse(arguments, out var file, out var repair, out var configuration, out var problem))
        {
            await error.WriteLineAsync($"mikrokredit import: {problem}\n{Usage}");
            return BadArguments;
        }

        try
        {
            var data = await ImportData.ReadAsync(file, cancellationToken);
            using var host = BuildHost(configuration);
            var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
            if (await DatabaseSchema.EnsureCreatedAsync(dataSource, cancellationToken))
            {
                await output.WriteLineAsync("created the schema: tables loans and installments, sequences loans_id_seq and installments_id_seq");
            }

            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikrokreditContext>();
            var report = await LoanImport.RunAsync(db, data, repair, cancellationToken);
            await output.WriteLineAsync(
                $"imported {Count(data.Loans.Select(l => l.Id), "loan")} and {Count(data.Installments.Select(i => i.Id), "installment")} with their ids from {file} into {db.Database.GetDbConnection().Database}");
            if (report is not null)
            {
                await WriteRepairAsync(output, report);
            }
            else
            {
                await WriteUnrepairedAsync(output, await db.Database.CheckSequencesAsync(cancellationToken: cancellationToken));
            }

            return Imported;
        }
        catch (Exception failure) when (failure is ImportFormatException or IncompleteRepairException or IOException or UnauthorizedAccessException
            or NpgsqlException or DbUpdateException or PgSeqException or InvalidOperationException)
        {
            var reason = failure is DbUpdateException { InnerException: PostgresException database } ? $"{database.MessageText}: {database.Detail}" : failure.Message;
            await error.WriteLineAsync($"mikrokredit import: error: {file}: {reason.TrimEnd('.')}; nothing was imported");
            return Failed;
        }
    }

    private static bool TryParse(IReadOnlyList<string> arguments, out string file, out bool repair, out List<string> configuration, out string problem)
    {
        (file, repair, configuration, problem) = (string.Empty, true, [], string.Empty);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument == "--no-repair")
            {
                repair = false;
            }
            else if (argument.StartsWith("--", StringComparison.Ordinal))
            {
                // Configuration, as --KEY=VALUE or --KEY VALUE; the host's command-line provider reads both.
                configuration.Add(argument);
                if (!argument.Contains('=', StringComparison.Ordinal) && i + 1 < arguments.Count)
                {
                    configuration.Add(arguments[++i]);
                }
            }
            else if (file.Length == 0)
            {
                file = argument;
            }
            else
            {
                problem = $"one FILE only, got {file} and {argument}";
                return false;
            }
        }

        if (file.Length == 0)
        {
            problem = "FILE is missing";
            return false;
        }

        return true;
    }

    // The web app's configuration sources and database services, without the web server. The command reports its
    // outcome itself, so EF Core's own error logging would only repeat it.
    private static IHost BuildHost(List<string> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. configuration], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddMikrokreditDatabase(builder.Configuration);
        return builder.Build();
    }

    private static async Task WriteRepairAsync(TextWriter output, DriftReport report)
    {
        foreach (var sequence in report.Sequences)
        {
            await output.WriteLineAsync(sequence.Repair is { Applied: true } repair
                ? $"repaired {sequence.Sequence.Name}: next value {repair.PreviousNextValue} → {repair.NextValue}"
                : $"{sequence.Sequence.Name}: {Status(sequence)}, next value {sequence.NextValue}");
        }

        await output.WriteLineAsync($"committed the rows and {report.Summary.Repaired} sequence repair(s) together");
    }

    private static async Task WriteUnrepairedAsync(TextWriter output, DriftReport check)
    {
        await output.WriteLineAsync("sequences not repaired (--no-repair):");
        foreach (var sequence in check.Sequences)
        {
            await output.WriteLineAsync($"  {sequence.Sequence.Name}: {Status(sequence)}: {sequence.Reason}");
        }

        if (check.Summary.Drift > 0)
        {
            await output.WriteLineAsync($"warning: {check.Summary.Drift} sequence(s) in drift: the next insert through the app can fail with a duplicate key; run pgseq fix");
        }
    }

    private static string Status(SequenceReport sequence) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(sequence.Status.ToString());

    private static string Count(IEnumerable<int> ids, string noun)
    {
        var list = ids.ToList();
        var plural = list.Count == 1 ? noun : noun + "s";
        return list.Count == 0
            ? $"0 {plural}"
            : string.Create(CultureInfo.InvariantCulture, $"{list.Count} {plural} (ids {list.Min()}–{list.Max()})");
    }
}
