using System.Collections.Concurrent;
using System.Data.Common;
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
        await gate.WaitAsync(cancellationToken);
        Hold(connection, gate);
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var gate = GateOf(connection);
        gate.Wait();
        Hold(connection, gate);
        return result;
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

    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception on the way) ends with its connection at the latest.
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => ReleaseConnection(connection);

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        ReleaseConnection(connection);
        return Task.CompletedTask;
    }

    private static SemaphoreSlim GateOf(DbConnection connection)
    {
        var file = connection is SqliteConnection sqlite ? Path.GetFullPath(sqlite.DataSource) : connection.DataSource;
        return Gates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
    }

    private static void SetBusyTimeout(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            // The native busy handler waits inside SQLite; without it Microsoft.Data.Sqlite polls every 150 ms.
            using var command = sqlite.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";
            command.ExecuteNonQuery();
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
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
