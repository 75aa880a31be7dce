using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EthicsCases.Data;

/// <summary>
/// SQLite's write path, designed for its one writer. Every transaction begins with <c>BEGIN IMMEDIATE</c>
/// (Microsoft.Data.Sqlite's default), so the write lock is taken up front and never upgraded mid-transaction; within a
/// process, writers queue on one async gate per database file instead of meeting <c>SQLITE_BUSY</c>, which
/// Microsoft.Data.Sqlite answers by sleeping 150 ms and retrying; and every connection sets a busy timeout, so that a
/// writer in another process (the CLI next to the web app) is waited for by SQLite itself.
/// </summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>How long SQLite waits for another process's writer before giving up with <c>SQLITE_BUSY</c>.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>The meter of SQLite's write path (<c>dotnet-counters monitor --counters EthicsCases.Sqlite</c>).</summary>
    public const string MeterName = "EthicsCases.Sqlite";

    private static readonly Meter Meter = new(MeterName);

    // How long writers wait for their turn and how long they keep it (BEGIN IMMEDIATE to commit or rollback): under
    // load the one writer's turn is the intake's limit, and these say whether the time goes waiting or inside it.
    private static readonly Histogram<double> Waited = Meter.CreateHistogram<double>("ethics.sqlite.write_gate.wait", "ms",
        "Time a writer waited for the in-process write gate.");

    private static readonly Histogram<double> Held = Meter.CreateHistogram<double>("ethics.sqlite.write_gate.hold", "ms",
        "Time a writer held the write gate, from BEGIN IMMEDIATE to commit or rollback.");

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<DbConnection, Holder> _byConnection = [];
    private readonly ConditionalWeakTable<DbTransaction, Holder> _byTransaction = [];

    /// <summary>The one interceptor every SQLite context shares.</summary>
    public static SqliteWriteGate Instance { get; } = new();

    private SqliteWriteGate()
    {
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var gate = GateOf(connection);
        var asked = Stopwatch.GetTimestamp();
        await gate.WaitAsync(cancellationToken);
        Waited.Record(Stopwatch.GetElapsedTime(asked).TotalMilliseconds);
        return Begin(connection, gate, eventData);
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var gate = GateOf(connection);
        var asked = Stopwatch.GetTimestamp();
        gate.Wait();
        Waited.Record(Stopwatch.GetElapsedTime(asked).TotalMilliseconds);
        return Begin(connection, gate, eventData);
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Track(connection, result);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Track(connection, result);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception on the way) ends with its connection at the latest.
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => ReleaseConnection(connection);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ReleaseConnection(connection);
        return Task.CompletedTask;
    }

    // A context disposed with its connection open (EF does not report that as a close) ends its hold too.
    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => ReleaseConnection(connection);

    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ReleaseConnection(connection);
        return Task.CompletedTask;
    }

    private static SemaphoreSlim GateOf(DbConnection connection)
    {
        var file = connection is SqliteConnection sqlite ? Path.GetFullPath(sqlite.DataSource) : connection.DataSource;
        return Gates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>The settings every connection to the file gets, in one statement (the same for the CLI, the app and the load baselines).</summary>
    /// <remarks>
    /// A memory map for reads (<c>PRAGMA mmap_size</c>) was measured at 1M cases and left out: queue pages 10 ms faster,
    /// but raw intake 30 % slower and the app's resident set 200 MB larger (docs/performance.md).
    /// </remarks>
    public static string ConnectionPragmas { get; } = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";

    // The native connections already configured: a pooled connection keeps its settings across opens, and EF opens
    // one for every query outside a transaction, so the pragmas run once per native connection, not once per query.
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private static void Configure(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite && !Configured.TryGetValue(handle, out _))
        {
            // The native busy handler waits inside SQLite; without it Microsoft.Data.Sqlite polls every 150 ms.
            using var command = sqlite.CreateCommand();
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
            Configured.AddOrUpdate(handle, handle);
        }
    }

    // Begun here, as soon as the turn is given, with nothing cancellable in between: EF would begin it after checking the
    // request's cancellation, and a request cancelled just as its turn came (a client hanging up under load) kept the
    // turn with no transaction whose end gives it back, which stopped every later write (CancelledWriteTests).
    private InterceptionResult<DbTransaction> Begin(DbConnection connection, SemaphoreSlim gate, TransactionStartingEventData eventData)
    {
        Hold(connection, gate);
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(connection.BeginTransaction(eventData.IsolationLevel));
        }
        catch
        {
            ReleaseConnection(connection);
            throw;
        }
    }

    private void Hold(DbConnection connection, SemaphoreSlim gate)
    {
        _byConnection.AddOrUpdate(connection, new Holder(gate));
    }

    private void Track(DbConnection connection, DbTransaction transaction)
    {
        if (_byConnection.TryGetValue(connection, out var holder))
        {
            _byTransaction.AddOrUpdate(transaction, holder);
        }
    }

    private void Release(DbTransaction transaction)
    {
        if (_byTransaction.TryGetValue(transaction, out var holder))
        {
            _byTransaction.Remove(transaction);
            holder.Release();
        }
    }

    private void ReleaseConnection(DbConnection connection)
    {
        if (_byConnection.TryGetValue(connection, out var holder))
        {
            _byConnection.Remove(connection);
            holder.Release();
        }
    }

    private sealed class Holder(SemaphoreSlim gate)
    {
        private readonly long _since = Stopwatch.GetTimestamp();
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Held.Record(Stopwatch.GetElapsedTime(_since).TotalMilliseconds);
                gate.Release();
            }
        }
    }
}
