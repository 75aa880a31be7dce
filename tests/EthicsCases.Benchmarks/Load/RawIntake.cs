using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Features.Concerns;
using Mediator;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Benchmarks.Load;

/// <summary>
/// The raw intake baseline: the statements one filing makes, captured from EF while the real <c>FileConcern</c> runs in
/// this process on a copy of the data, then replayed by hand with Microsoft.Data.Sqlite.
/// </summary>
public static partial class RawIntake
{
    private static string? _firstError;

    // Filings are numbered across replays on the same copy (closed loop, then open loop), so references stay unique.
    private static int _serial;

    /// <summary>The first error a replay met, if any.</summary>
    public static string? FirstError => _firstError;

    [GeneratedRegex(@"^EC-\d{4}-\d+$")]
    private static partial Regex ReferencePattern();

    /// <summary>
    /// Replays the write statements of one filing per operation, in <c>BEGIN IMMEDIATE</c> transactions from
    /// <paramref name="workers"/> tasks, each with its own connection, queued on one in-process lock as SQLite's one
    /// writer wants (the best a hand-written intake can do). Ids and the reference are fresh per filing.
    /// </summary>
    /// <param name="perSecond">Null for a closed loop (each task files again as soon as it is answered); else an open
    /// loop at that rate, <paramref name="workers"/> connections at most in use (<see cref="Latencies.AtRateAsync"/>).</param>
    public static async Task<Latencies> ReplayAsync(string file, IReadOnlyList<CapturedStatement> statements, int workers, TimeSpan warmUp, TimeSpan duration,
        double? perSecond = null)
    {
        var writes = statements.Where(s => s.IsWrite).ToList();
        var (newIds, sequences) = Keys(writes);
        var gate = new SemaphoreSlim(1, 1);
        var connections = new SqliteConnection[workers];
        var commands = new SqliteCommand[workers][];
        for (var w = 0; w < workers; w++)
        {
            var connection = connections[w] = new SqliteConnection($"Data Source={file};Foreign Keys=True;Pooling=False");
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = SqliteWriteGate.ConnectionPragmas;
                await pragma.ExecuteNonQueryAsync();
            }

            commands[w] = writes.Select(s =>
            {
                var command = connection.CreateCommand();
                command.CommandText = VersionCheck().Replace(s.Sql, "");
                foreach (var (name, type, _) in s.Parameters)
                {
                    command.Parameters.Add(new SqliteParameter(name, null) { DbType = type });
                }

                return command;
            }).ToArray();
        }

        try
        {
            async Task<bool> FileOne(int w)
            {
                var fresh = new Renumbering(Interlocked.Increment(ref _serial), newIds, sequences);
                await gate.WaitAsync();
                try
                {
                    await using var transaction = (SqliteTransaction)await connections[w].BeginTransactionAsync();
                    for (var i = 0; i < writes.Count; i++)
                    {
                        var command = commands[w][i];
                        command.Transaction = transaction;
                        for (var p = 0; p < writes[i].Parameters.Count; p++)
                        {
                            command.Parameters[p].Value = fresh.Fresh(writes[i].Parameters[p].Value) ?? DBNull.Value;
                        }

                        await using var reader = await command.ExecuteReaderAsync();
                        while (await reader.ReadAsync())
                        {
                        }
                    }

                    await transaction.CommitAsync();
                    return true;
                }
                catch (SqliteException e)
                {
                    Interlocked.CompareExchange(ref _firstError, e.Message, null);
                    return false;
                }
                finally
                {
                    gate.Release();
                }
            }

            return perSecond is { } rate
                ? await Latencies.AtRateAsync(rate, workers, warmUp, duration, FileOne)
                : await Latencies.MeasureAsync(workers, warmUp, duration, FileOne);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    // New ids (the rows' own keys, not the people they point at), a new reference and the next record sequence for
    // each filing, the same new value wherever the old one appears in it (a notification's dedupe key holds the case id).
    private sealed class Renumbering(int filing, IReadOnlySet<Guid> newIds, IReadOnlySet<long> sequences)
    {
        private readonly Dictionary<Guid, Guid> _ids = newIds.ToDictionary(id => id, _ => Guid.NewGuid());

        public object? Fresh(object? value) => value switch
        {
            Guid id => _ids.GetValueOrDefault(id, id),
            long number when sequences.Contains(number) => number + filing,
            int number when sequences.Contains(number) => number + filing,
            string text when ReferencePattern().IsMatch(text) => $"{text[..8]}R{filing.ToString("D7", CultureInfo.InvariantCulture)}",
            string text => _ids.Aggregate(text, (t, id) => t.Replace(id.Key.ToString("N"), id.Value.ToString("N"), StringComparison.OrdinalIgnoreCase)
                .Replace(id.Key.ToString(), id.Value.ToString(), StringComparison.OrdinalIgnoreCase)),
            _ => value,
        };
    }

    private static (IReadOnlySet<Guid> NewIds, IReadOnlySet<long> Sequences) Keys(IReadOnlyList<CapturedStatement> writes)
    {
        var ids = writes.Where(w => InsertById().IsMatch(w.Sql) && w.Parameters.Count > 0 && w.Parameters[0].Value is Guid)
            .Select(w => (Guid)w.Parameters[0].Value!).ToHashSet();
        var sequences = new HashSet<long>();
        foreach (var write in writes)
        {
            foreach (Match match in SequenceAssignment().Matches(write.Sql))
            {
                var name = match.Groups[1].Value;
                if (write.Parameters.FirstOrDefault(p => p.Name.TrimStart('@') == name).Value is { } value)
                {
                    sequences.Add(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                }
            }
        }

        return (ids, sequences);
    }

    [GeneratedRegex(@"^\s*INSERT INTO ""\w+"" \(""Id"",")]
    private static partial Regex InsertById();

    [GeneratedRegex(@"""Seq"" = @(\w+)")]
    private static partial Regex SequenceAssignment();

    // An optimistic-concurrency check would make every replay after the first update nothing; the baseline always writes.
    [GeneratedRegex(@"\s+AND ""Version"" = @\w+")]
    private static partial Regex VersionCheck();

    /// <summary>Files one concern through the real handler and returns every command EF sent for it.</summary>
    public static async Task<IReadOnlyList<CapturedStatement>> CaptureFilingAsync(string folder, string reporter, string subject)
    {
        var capture = new StatementCapture();
        await using var services = LocalData.Services(folder, capture);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        var actor = scope.ServiceProvider.GetRequiredService<ActorContext>();
        actor.Resolved(await db.People.SingleAsync(p => p.Email == reporter));
        actor.Channel = Channels.Api;
        capture.Enabled = true;
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(IntakeLoad.Concern(0, subject));
        capture.Enabled = false;
        return capture.Statements;
    }
}
