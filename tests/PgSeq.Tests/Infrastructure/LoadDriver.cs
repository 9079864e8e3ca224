using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace PgSeq.Tests.Infrastructure;

/// <summary>What a load run observed.</summary>
public sealed record LoadFigures(
    long Inserts,
    long DuplicateErrorsBeforeRepair,
    long DuplicateErrorsAfterRepair,
    long OtherErrors,
    TimeSpan LongestWriterWait,
    long SequenceSamples,
    IReadOnlyList<string> SequenceDecreases)
{
    public override string ToString() =>
        $"inserts committed: {Inserts}; duplicate-key errors before the final repair: {DuplicateErrorsBeforeRepair}, after: {DuplicateErrorsAfterRepair}; " +
        $"other errors: {OtherErrors}; longest writer wait: {LongestWriterWait.TotalMilliseconds:0} ms; sequence samples: {SequenceSamples}, decreases seen: {SequenceDecreases.Count}";
}

/// <summary>
/// Drives an application-like load against one table: writers inserting through the column default, writers that
/// call nextval() themselves and insert that id explicitly (SQLAlchemy's Sequence(), EF Core HiLo), an importer that
/// inserts explicit ids ahead of the sequence (the source of drift), and a sampler that reads the sequence every
/// few milliseconds and records any decrease. Every committed id is remembered so the table can be checked for losses.
/// </summary>
public sealed class LoadDriver(NpgsqlDataSource dataSource, string table, string sequence) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _stopImporter = new();
    private readonly List<Task> _tasks = [];
    private readonly ConcurrentBag<long> _committed = [];
    private readonly ConcurrentQueue<string> _decreases = new();
    private long _duplicatesBefore;
    private long _duplicatesAfter;
    private long _otherErrors;
    private long _samples;
    private long _longestWaitTicks;
    private long _repairedAt = long.MaxValue;

    /// <summary>Every id whose insert the database confirmed.</summary>
    public IReadOnlyCollection<long> CommittedIds => _committed;

    public void StartDefaultWriters(int count)
    {
        for (var writer = 0; writer < count; writer++)
        {
            _tasks.Add(Task.Run(() => WriteAsync($"INSERT INTO {table} DEFAULT VALUES RETURNING id", null)));
        }
    }

    public void StartNextvalWriters(int count)
    {
        for (var writer = 0; writer < count; writer++)
        {
            _tasks.Add(Task.Run(() => WriteAsync($"INSERT INTO {table} (id) VALUES ($1) RETURNING id", $"SELECT nextval('{sequence}')")));
        }
    }

    /// <summary>Inserts a few explicit ids just ahead of the sequence, over and over, until <see cref="StopImporterAsync"/>.</summary>
    public void StartImporter() => _tasks.Add(Task.Run(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        while (!_stopImporter.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            try
            {
                await using var import = new NpgsqlCommand(
                    $"""
                    INSERT INTO {table} (id)
                    SELECT p.position + k FROM (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM {sequence}) AS p (position),
                         generate_series(200, 204) AS k
                    ON CONFLICT DO NOTHING
                    RETURNING id
                    """, connection);
                await using var reader = await import.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    _committed.Add(reader.GetInt64(0));
                }
            }
            catch (PostgresException)
            {
                Interlocked.Increment(ref _otherErrors);
            }

            await Task.Delay(20);
        }
    }));

    /// <summary>
    /// Reads the sequence's position every few milliseconds and records any step backwards. It reads through
    /// pg_sequence_last_value(), as pg_sequences and monitoring do: a plain SELECT from the sequence relation can
    /// catch the moment an ALTER SEQUENCE swaps the relation's storage and see no row at all.
    /// </summary>
    public void StartSampler() => _tasks.Add(Task.Run(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        long previous = long.MinValue;
        while (!_stop.IsCancellationRequested)
        {
            await using var read = new NpgsqlCommand($"SELECT pg_sequence_last_value('{sequence}')", connection);
            if (await read.ExecuteScalarAsync() is long position)
            {
                if (position < previous)
                {
                    _decreases.Enqueue($"{previous} -> {position}");
                }

                previous = position;
                Interlocked.Increment(ref _samples);
            }

            await Task.Delay(3);
        }
    }));

    public async Task StopImporterAsync()
    {
        await _stopImporter.CancelAsync();
        await Task.Delay(100);
    }

    /// <summary>From now on a duplicate-key error counts as "after the repair" (for operations that start after this call).</summary>
    public void MarkRepaired() => Interlocked.Exchange(ref _repairedAt, Stopwatch.GetTimestamp());

    public async Task<LoadFigures> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_tasks);
        return new LoadFigures(
            _committed.Count,
            Interlocked.Read(ref _duplicatesBefore),
            Interlocked.Read(ref _duplicatesAfter),
            Interlocked.Read(ref _otherErrors),
            TimeSpan.FromTicks(Interlocked.Read(ref _longestWaitTicks)),
            Interlocked.Read(ref _samples),
            [.. _decreases]);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
        _stopImporter.Dispose();
    }

    private async Task WriteAsync(string insert, string? nextval)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        while (!_stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await using var command = new NpgsqlCommand(insert, connection);
                if (nextval is not null)
                {
                    await using var next = new NpgsqlCommand(nextval, connection);
                    command.Parameters.Add(new NpgsqlParameter { Value = (long)(await next.ExecuteScalarAsync())! });
                }

                _committed.Add((long)(await command.ExecuteScalarAsync())!);
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                Interlocked.Increment(ref started >= Interlocked.Read(ref _repairedAt) ? ref _duplicatesAfter : ref _duplicatesBefore);
            }
            catch (PostgresException)
            {
                Interlocked.Increment(ref _otherErrors);
            }

            var waited = Stopwatch.GetElapsedTime(started).Ticks;
            long longest;
            while (waited > (longest = Interlocked.Read(ref _longestWaitTicks))
                   && Interlocked.CompareExchange(ref _longestWaitTicks, waited, longest) != longest)
            {
            }
        }
    }
}
