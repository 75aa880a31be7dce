using System.Data.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Security.Keys;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EthicsCases.Features.Demo;

/// <summary>One batch of the demo, every row final (sealed, placed in the record, MAC'd): only inserts remain.</summary>
internal sealed class DemoRows
{
    public List<DataKey> DataKeys { get; } = [];

    public List<EthicsCase> Cases { get; } = [];

    public List<CaseSubject> Subjects { get; } = [];

    public List<AuditEvent> Events { get; } = [];

    public List<Determination> Determinations { get; } = [];

    public List<PriorAdvice> Advice { get; } = [];

    public List<MetricsCaseFactRow> Facts { get; } = [];
}

/// <summary>
/// Seals a batch with fresh data keys and appends its events to the record exactly as a save would (sequence numbers,
/// chain links, MACs, sealed reasons), without touching the database: the head was locked by the caller's transaction
/// and moves in memory, to be written by the caller's final save. Runs on the generating thread, so that the writer
/// only inserts.
/// </summary>
internal sealed class DemoRecordSealer
{
    private readonly EthicsDbContext _db;
    private readonly AuditHead _head;
    private readonly string _keyId;
    private readonly byte[] _key;
    private readonly string? _channel;
    private readonly string? _osUser;

    private DemoRecordSealer(EthicsDbContext db, AuditHead head, string? channel, string? osUser)
    {
        _db = db;
        _head = head;
        _channel = channel;
        _osUser = osUser;
        _keyId = db.Keys.Audit.CurrentId;
        _key = db.Keys.Audit.Find(_keyId)!;
    }

    /// <summary>Takes the head's lock for the rest of the caller's transaction.</summary>
    public static async Task<DemoRecordSealer> BeginAsync(EthicsDbContext db, string? channel, string? osUser, CancellationToken ct) =>
        new(db, await AuditLedger.LockHeadAsync(db, ct), channel, osUser);

    /// <summary>Seals and places <paramref name="rows"/> (its cases, determinations, advice and directory events).</summary>
    public void Seal(DemoRows rows, IReadOnlyList<AuditEvent> directoryEvents, DateTime now)
    {
        var crypto = _db.Keys.Content;
        var sealers = new Dictionary<Guid, IContentSealer>(rows.Cases.Count + rows.Advice.Count);
        foreach (var owner in rows.Cases.Select(c => c.Id).Concat(rows.Advice.Select(a => a.Id)))
        {
            var key = ContentCrypto.NewDataKey();
            var (kekId, wrapped) = crypto.Wrap(owner, key);
            rows.DataKeys.Add(new DataKey(owner, kekId, wrapped, now));
            sealers[owner] = ContentVault.SealerFor(owner, key);
        }

        foreach (ISealedContent c in rows.Cases)
        {
            c.Seal(sealers[c.ContentOwner]);
        }

        foreach (ISealedContent d in rows.Determinations)
        {
            d.Seal(sealers[d.ContentOwner]);
        }

        foreach (ISealedContent a in rows.Advice)
        {
            a.Seal(sealers[a.ContentOwner]);
        }

        var byId = rows.Cases.ToDictionary(c => c.Id);
        rows.Events.AddRange(rows.Cases.SelectMany(c => c.History).Concat(directoryEvents).OrderBy(e => e.PendingOrder));
        foreach (var evt in rows.Events)
        {
            var owner = evt.CaseId is { } caseId ? byId[caseId] : null;
            evt.Place(_head.Seq + 1, owner?.LastAuditHash ?? _head.DirectoryHead, _channel, _osUser);
            evt.Authenticate(_keyId, _key);
            _head.Seq++;
            _head.LastHash = evt.Hash;
            if (owner is not null)
            {
                owner.LastAuditHash = evt.Hash;
                ((ISealedContent)evt).Seal(sealers[owner.Id]);
            }
            else
            {
                _head.DirectoryHead = evt.Hash;
            }
        }

        rows.Subjects.AddRange(rows.Cases.SelectMany(c => c.Subjects));
        _head.KeyId = _keyId;
        _head.Mac = _head.ComputeMac(_key);
    }
}

/// <summary>
/// The metrics a rebuild would compute from the stored rows (<see cref="Oversight.MetricsLedger.RebuildAsync"/>), computed
/// from the same cases while they are still in memory: a case's fact rows go out with its batch and the buckets at the
/// end, so a large load does not read every case back. Only for a database that had no cases, where the rebuild's
/// result is this load's alone, and for SQLite, which stores instants to the tick like memory holds them.
/// </summary>
internal sealed class DemoMetrics
{
    private static readonly HashSet<string> Relevant = [.. CaseFacts.RelevantActions];
    private readonly Dictionary<(MetricsBucketKey, RoutingClass), MetricsBucket> _buckets = [];

    /// <summary>Counts the batch's cases and adds their fact rows to it.</summary>
    public void Add(DemoRows rows)
    {
        var newest = rows.Determinations.GroupBy(d => d.CaseId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Sanction>)g.OrderByDescending(d => d.RecordedAt).First().SanctionsAsStored.Select(s => s.Sanction).ToList());
        foreach (var c in rows.Cases)
        {
            var events = c.History.Where(e => Relevant.Contains(e.Action)).Select(e => new CaseEventFact(e.Action, e.At, e.Actor));
            var fact = CaseFacts.From(c.Category, c.FiledAt, c.State, c.ClosedAt, c.Outcome, events, newest.GetValueOrDefault(c.Id) ?? []);
            var routing = RoutingClasses.Of(c.RoutedTo.Contains(Role.GeneralCounsel), c.ReferredToBoard);
            rows.Facts.Add(new MetricsCaseFactRow(c.Id, routing, CaseFacts.ToJson(fact)));
            foreach (var key in MetricsBucket.KeysFor(fact))
            {
                if (!_buckets.TryGetValue((key, routing), out var bucket))
                {
                    _buckets[(key, routing)] = bucket = new MetricsBucket(key);
                }

                bucket.Add(fact);
            }
        }
    }

    /// <summary>The bucket rows, once every batch was added.</summary>
    public List<MetricsBucketRow> Buckets() =>
        _buckets.Select(b => new MetricsBucketRow(b.Key.Item1.Quarter.ToString(), b.Key.Item1.Category, b.Key.Item2, b.Value.ToJson())).ToList();
}

/// <summary>
/// Inserts demo rows inside the context's current transaction. On SQLite (in process, one writer) each table gets one
/// prepared single-row INSERT whose parameters are made once by the EF model's own type mappings and then only get new
/// values; on PostgreSQL, where each statement is a round trip, the multi-row statements of <see cref="BulkInsert"/>.
/// </summary>
internal sealed class DemoRowWriter : IAsyncDisposable
{
    private readonly EthicsDbContext _db;
    private readonly Dictionary<Type, object> _inserts = [];

    private readonly bool _nativeBinding;

    /// <param name="db">The context whose connection and transaction the rows are written in.</param>
    /// <param name="nativeBinding">On SQLite, bind through <see cref="NativeInsert{T}"/> where it can (tests compare both ways).</param>
    public DemoRowWriter(EthicsDbContext db, bool nativeBinding = true)
    {
        _db = db;
        _nativeBinding = nativeBinding;
    }

    public async Task WriteAsync(DemoRows rows, CancellationToken ct)
    {
        await InsertAsync(rows.DataKeys, ct);
        await InsertAsync(rows.Cases, ct);
        await InsertAsync(rows.Subjects, ct);
        await InsertAsync(rows.Events, ct);
        await InsertAsync(rows.Determinations, ct);
        await InsertAsync(rows.Advice, ct);
        await InsertAsync(rows.Facts, ct);
    }

    public async Task InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (!_db.Database.IsSqlite())
        {
            await BulkInsert.InsertAsync(_db, rows, ct);
            return;
        }

        if (rows.Count == 0)
        {
            return;
        }

        if (!_inserts.TryGetValue(typeof(T), out var insert))
        {
            _inserts[typeof(T)] = insert = _nativeBinding && NativeInsert<T>.TryCreate(_db) is { } native ? native : new PreparedInsert<T>(_db);
        }

        if (insert is NativeInsert<T> nativeInsert)
        {
            ct.ThrowIfCancellationRequested();
            nativeInsert.Run(rows);
        }
        else
        {
            await ((PreparedInsert<T>)insert).RunAsync(rows, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in _inserts.Values.Cast<IAsyncDisposable>())
        {
            await insert.DisposeAsync();
        }
    }

    /// <summary>
    /// One table's INSERT prepared once on the connection's native handle, each value bound by its position with the
    /// storage class and text Microsoft.Data.Sqlite would give it (GUIDs as upper-case text, instants as
    /// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, days as <c>yyyy-MM-dd</c>, decimals as <c>0.0###…</c>), then stepped and reset.
    /// A profile of the seed put a third of the writer's time in Microsoft.Data.Sqlite's per-execution binding by name
    /// and the rest of its managed overhead in the reader it builds per row (docs/performance.md). A table with a column
    /// of any other provider type keeps <see cref="PreparedInsert{T}"/>; <c>DemoRowWriterTests</c> compares the two ways
    /// value by value.
    /// </summary>
    private sealed class NativeInsert<T> : IAsyncDisposable
        where T : class
    {
        private readonly SQLitePCL.sqlite3 _handle;
        private readonly SQLitePCL.sqlite3_stmt _statement;
        private readonly (RelationalTypeMapping Mapping, IClrPropertyGetter Getter)[] _columns;

        private NativeInsert(SQLitePCL.sqlite3 handle, SQLitePCL.sqlite3_stmt statement, (RelationalTypeMapping, IClrPropertyGetter)[] columns)
        {
            _handle = handle;
            _statement = statement;
            _columns = columns;
        }

        public static NativeInsert<T>? TryCreate(EthicsDbContext db)
        {
            if (db.Database.GetDbConnection() is not SqliteConnection { Handle: { } handle })
            {
                return null;
            }

            var (table, properties) = Columns<T>(db);
            var columns = properties.Select(p => (p.GetRelationalTypeMapping(), p.GetGetter())).ToArray();
            if (!columns.All(c => Supported(ProviderType(c.Item1))))
            {
                return null;
            }

            Check(handle, SQLitePCL.raw.sqlite3_prepare_v2(handle, InsertSql(db, table, properties), out var statement));
            return new NativeInsert<T>(handle, statement, columns);
        }

        public void Run(IReadOnlyCollection<T> rows)
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < _columns.Length; i++)
                {
                    Bind(i + 1, PreparedInsert<T>.ProviderValue(_columns[i].Mapping, _columns[i].Getter.GetClrValue(row)));
                }

                var done = SQLitePCL.raw.sqlite3_step(_statement);
                SQLitePCL.raw.sqlite3_reset(_statement);
                if (done != SQLitePCL.raw.SQLITE_DONE)
                {
                    Check(_handle, done);
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }

        // The type of the value ProviderValue hands over, nullable unwrapped.
        private static Type ProviderType(RelationalTypeMapping mapping)
        {
            var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            return Nullable.GetUnderlyingType(type) ?? type;
        }

        private static bool Supported(Type type) => type.IsEnum || type == typeof(string) || type == typeof(byte[]) || type == typeof(bool)
            || type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(double)
            || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(decimal);

        private void Bind(int index, object value)
        {
            var rc = value switch
            {
                DBNull => SQLitePCL.raw.sqlite3_bind_null(_statement, index),
                string text => BindText(index, text),
                byte[] bytes => SQLitePCL.raw.sqlite3_bind_blob(_statement, index, bytes),
                bool flag => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
                int number => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, number),
                long number => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, number),
                short number => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, number),
                byte number => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, number),
                double number => SQLitePCL.raw.sqlite3_bind_double(_statement, index, number),
                Guid id => BindGuid(index, id),
                DateTime instant => BindFormatted(index, instant, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF"),
                DateOnly day => BindFormatted(index, day, @"yyyy\-MM\-dd"),
                decimal number => BindFormatted(index, number, "0.0###########################"),
                _ => throw new NotSupportedException($"{typeof(T).Name}: no native binding for {value.GetType().Name}."),
            };
            Check(_handle, rc);
        }

        // Text goes to SQLite as UTF-8 from a stack or pooled buffer (SQLite copies it): no string or array per value.
        private int BindText(int index, string text)
        {
            var length = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
            if (length <= 512)
            {
                Span<byte> buffer = stackalloc byte[512];
                var written = System.Text.Encoding.UTF8.GetBytes(text, buffer);
                return SQLitePCL.raw.sqlite3_bind_text(_statement, index, buffer[..written]);
            }

            var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
            try
            {
                var written = System.Text.Encoding.UTF8.GetBytes(text, rented);
                return SQLitePCL.raw.sqlite3_bind_text(_statement, index, rented.AsSpan(0, written));
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }

        private int BindGuid(int index, Guid id)
        {
            Span<byte> buffer = stackalloc byte[36];
            _ = id.TryFormat(buffer, out var written);
            for (var i = 0; i < written; i++)
            {
                // Upper case, as Microsoft.Data.Sqlite stores a GUID bound as text.
                if (buffer[i] is >= (byte)'a' and <= (byte)'f')
                {
                    buffer[i] -= 'a' - 'A';
                }
            }

            return SQLitePCL.raw.sqlite3_bind_text(_statement, index, buffer[..written]);
        }

        private int BindFormatted<TValue>(int index, TValue value, string format)
            where TValue : IUtf8SpanFormattable
        {
            Span<byte> buffer = stackalloc byte[64];
            return value.TryFormat(buffer, out var written, format, System.Globalization.CultureInfo.InvariantCulture)
                ? SQLitePCL.raw.sqlite3_bind_text(_statement, index, buffer[..written])
                : throw new InvalidOperationException($"{typeof(T).Name}: {value} does not fit a 64-byte buffer.");
        }

        private static void Check(SQLitePCL.sqlite3 handle, int rc)
        {
            if (rc != SQLitePCL.raw.SQLITE_OK)
            {
                throw new SqliteException(SQLitePCL.raw.sqlite3_errmsg(handle).utf8_to_string(), rc, SQLitePCL.raw.sqlite3_extended_errcode(handle));
            }
        }
    }

    private static (StoreObjectIdentifier Table, List<IProperty> Properties) Columns<T>(EthicsDbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .ToList();
        return (table, properties);
    }

    private static string InsertSql(EthicsDbContext db, StoreObjectIdentifier table, List<IProperty> properties)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        return $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
    }

    private sealed class PreparedInsert<T> : IAsyncDisposable
        where T : class
    {
        private readonly DbCommand _command;
        private readonly (IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)[] _columns;
        private DbParameter[]? _parameters;

        public PreparedInsert(EthicsDbContext db)
        {
            var (table, properties) = Columns<T>(db);
            _columns = properties.Select(p => (p, p.GetRelationalTypeMapping(), p.GetGetter())).ToArray();
            _command = db.Database.GetDbConnection().CreateCommand();
            _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            _command.CommandText = InsertSql(db, table, properties);
        }

        public async Task RunAsync(IReadOnlyCollection<T> rows, CancellationToken ct)
        {
            foreach (var row in rows)
            {
                if (_parameters is null)
                {
                    // The first row makes the parameters through the mappings (type, size, SQLite storage class); the
                    // statement stays prepared while only values change.
                    _parameters = _columns.Select((c, i) => c.Mapping.CreateParameter(_command, $"@p{i}", c.Getter.GetClrValue(row), c.Property.IsNullable)).ToArray();
                    _command.Parameters.AddRange(_parameters);
                    _command.Prepare();
                }
                else
                {
                    for (var i = 0; i < _columns.Length; i++)
                    {
                        _parameters[i].Value = ProviderValue(_columns[i].Mapping, _columns[i].Getter.GetClrValue(row));
                    }
                }

                await _command.ExecuteNonQueryAsync(ct);
            }
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();

        // What RelationalTypeMapping.CreateParameter puts in Value: enums as their number unless converted, then the
        // mapping's converter.
        internal static object ProviderValue(RelationalTypeMapping mapping, object? value)
        {
            if (value is null)
            {
                return DBNull.Value;
            }

            if (mapping.Converter is { } converter)
            {
                return converter.ConvertToProvider(value) ?? DBNull.Value;
            }

            return value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
        }
    }
}

/// <summary>
/// SQLite settings for one large load: no fsync and the rollback journal in memory while the load runs, a larger page
/// cache, then the database's own settings back (WAL, normal sync). Set outside any transaction, as SQLite requires.
/// </summary>
internal sealed class SqliteBulkSettings : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly string _journalMode;
    private readonly long _synchronous;
    private readonly long _cacheSize;

    private SqliteBulkSettings(DbConnection connection, string journalMode, long synchronous, long cacheSize)
    {
        _connection = connection;
        _journalMode = journalMode;
        _synchronous = synchronous;
        _cacheSize = cacheSize;
    }

    public static async Task<SqliteBulkSettings?> ApplyAsync(EthicsDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        var connection = db.Database.GetDbConnection();
        // Leaving WAL needs the only open handle on the file: idle pooled connections are closed first (a busy one in
        // another request keeps WAL, and the load just runs in WAL).
        SqliteConnection.ClearPool((SqliteConnection)connection);
        await db.Database.OpenConnectionAsync(ct);
        var settings = new SqliteBulkSettings(connection, (string)(await ScalarAsync(connection, "PRAGMA journal_mode", ct))!,
            (long)(await ScalarAsync(connection, "PRAGMA synchronous", ct))!, (long)(await ScalarAsync(connection, "PRAGMA cache_size", ct))!);
        try
        {
            await ScalarAsync(connection, "PRAGMA journal_mode = MEMORY", ct);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY/LOCKED: another process (a running web app) has the file open; the load stays in WAL.
        }

        await ScalarAsync(connection, "PRAGMA synchronous = OFF", ct);
        await ScalarAsync(connection, "PRAGMA cache_size = -262144", ct);
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        // Restored even when the load failed (its transaction is rolled back by then).
        if (!string.Equals((string?)await ScalarAsync(_connection, "PRAGMA journal_mode", CancellationToken.None), _journalMode, StringComparison.OrdinalIgnoreCase))
        {
            await ScalarAsync(_connection, $"PRAGMA journal_mode = {_journalMode}", CancellationToken.None);
        }

        await ScalarAsync(_connection, $"PRAGMA synchronous = {_synchronous}", CancellationToken.None);
        await ScalarAsync(_connection, $"PRAGMA cache_size = {_cacheSize}", CancellationToken.None);
        if (_connection is SqliteConnection sqlite)
        {
            // A connection left in the pool would keep the load's settings for its next user.
            SqliteConnection.ClearPool(sqlite);
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
