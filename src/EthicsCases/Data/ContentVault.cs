using System.Security.Cryptography;
using EthicsCases.Domain;
using EthicsCases.Security.Keys;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Data;

/// <summary>A data key, stored wrapped by a key-encryption key; deleting it makes what it sealed unreadable for good.</summary>
public sealed class DataKey
{
    private DataKey()
    {
    }

    internal DataKey(Guid ownerId, string kekId, byte[] wrapped, DateTime createdAt)
    {
        OwnerId = ownerId;
        KekId = kekId;
        Wrapped = wrapped;
        CreatedAt = createdAt;
    }

    /// <summary>The case (or ledger entry, or the directory) whose content the key seals.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>Which key-encryption key wraps it.</summary>
    public string KekId { get; private set; } = "";

#pragma warning disable CA1819 // EF maps a byte array to a blob column.
    /// <summary>The data key, encrypted with the key-encryption key (AES-GCM).</summary>
    public byte[] Wrapped { get; private set; } = [];
#pragma warning restore CA1819

    /// <summary>When it was made.</summary>
    public DateTime CreatedAt { get; private set; }

    internal void Rewrap(string kekId, byte[] wrapped)
    {
        KekId = kekId;
        Wrapped = wrapped;
    }
}

/// <summary>
/// The data keys of this unit of work, unwrapped once and kept for the scope. Seals content when it is saved and opens
/// it after it is loaded (<see cref="ContentExtensions.OpenAsync{T}(EthicsDbContext, T, CancellationToken)"/>).
/// </summary>
public sealed class ContentVault(RecordKeys keys)
{
    private readonly Dictionary<Guid, byte[]> _dataKeys = [];

    /// <summary>Makes the data keys of <paramref name="owners"/> available: unwraps stored ones, creates missing ones when asked.</summary>
    public async Task EnsureAsync(EthicsDbContext db, IEnumerable<Guid> owners, bool create, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var missing = owners.Where(o => !_dataKeys.ContainsKey(o)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var pending = db.ChangeTracker.Entries<DataKey>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var stored = new List<DataKey>(pending.Where(p => missing.Contains(p.OwnerId)));
        // A case this unit is filing has a new id, so no key of it can be stored yet: nothing to read for it (a filing
        // would otherwise probe the key table inside SQLite's one write transaction, for nothing).
        var filing = db.ChangeTracker.Entries<EthicsCase>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        var toRead = missing.Except(stored.Select(s => s.OwnerId)).Where(o => !filing.Contains(o)).ToList();
        foreach (var chunk in toRead.Chunk(500))
        {
            stored.AddRange(await db.DataKeys.AsNoTracking().Where(k => chunk.Contains(k.OwnerId)).ToListAsync(ct));
        }

        // One cipher per key-encryption key for the whole batch: a page of 50 cases unwraps 50 keys.
        var ciphers = new Dictionary<string, AesGcm>(StringComparer.Ordinal);
        try
        {
            foreach (var key in stored)
            {
                _dataKeys[key.OwnerId] = keys.Content.Unwrap(key.OwnerId, key.KekId, key.Wrapped, ciphers);
            }
        }
        finally
        {
            foreach (var cipher in ciphers.Values)
            {
                cipher.Dispose();
            }
        }

        if (!create)
        {
            return;
        }

        foreach (var owner in missing.Where(o => !_dataKeys.ContainsKey(o)))
        {
            var dataKey = ContentCrypto.NewDataKey();
            var (kekId, wrapped) = keys.Content.Wrap(owner, dataKey);
            db.DataKeys.Add(new DataKey(owner, kekId, wrapped, now));
            _dataKeys[owner] = dataKey;
        }
    }

    /// <summary>Seals and opens with one owner's data key, which must have been made available.</summary>
    public IContentSealer For(Guid owner) =>
        _dataKeys.TryGetValue(owner, out var key)
            ? new Sealer(key, owner)
            : new Shredded(owner);

    /// <summary>Drops an owner's data key from this scope (after it was deleted for a purge).</summary>
    public void Forget(Guid owner) => _dataKeys.Remove(owner);

    /// <summary>A sealer for a data key held by the caller (bulk writes).</summary>
    internal static IContentSealer SealerFor(Guid owner, byte[] dataKey) => new Sealer(dataKey, owner);

    private sealed class Sealer(byte[] key, Guid owner) : IContentSealer
    {
        public byte[]? Seal(string purpose, string? text) => text is null ? null : ContentCrypto.SealText(key, owner, purpose, text);

        public byte[]? Seal(string purpose, byte[]? content) => content is null ? null : ContentCrypto.Seal(key, owner, purpose, content);

        public string? OpenText(string purpose, byte[]? sealedValue) => sealedValue is null ? null : ContentCrypto.OpenText(key, owner, purpose, sealedValue);

        public byte[]? OpenBytes(string purpose, byte[]? sealedValue) => sealedValue is null ? null : ContentCrypto.Open(key, owner, purpose, sealedValue);
    }

    // An owner with no data key: its content was purged (the key deleted) or never sealed. Legacy clear content still opens.
    private sealed class Shredded(Guid owner) : IContentSealer
    {
        public byte[]? Seal(string purpose, string? text) => throw Missing();

        public byte[]? Seal(string purpose, byte[]? content) => throw Missing();

        public string? OpenText(string purpose, byte[]? sealedValue) =>
            sealedValue is null ? null : ContentCrypto.IsSealed(sealedValue) ? throw Missing() : System.Text.Encoding.UTF8.GetString(sealedValue);

        public byte[]? OpenBytes(string purpose, byte[]? sealedValue) =>
            sealedValue is null ? null : ContentCrypto.IsSealed(sealedValue) ? throw Missing() : sealedValue;

        private InvalidOperationException Missing() => new($"No data key is available for owner {owner}.");
    }
}

/// <summary>Opening sealed content after a query.</summary>
public static class ContentExtensions
{
    /// <summary>Opens the sealed content of an entity loaded from the database.</summary>
    public static async Task<T> OpenAsync<T>(this EthicsDbContext db, T entity, CancellationToken ct)
        where T : ISealedContent
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        await db.Vault.EnsureAsync(db, [entity.ContentOwner], create: false, DateTime.UtcNow, ct);
        entity.Open(db.Vault.For(entity.ContentOwner));
        return entity;
    }

    /// <summary>Opens the sealed content of entities loaded from the database, with one read of their data keys.</summary>
    public static async Task<IReadOnlyList<T>> OpenAllAsync<T>(this EthicsDbContext db, IReadOnlyList<T> entities, CancellationToken ct)
        where T : ISealedContent
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        await db.Vault.EnsureAsync(db, entities.Select(e => e.ContentOwner), create: false, DateTime.UtcNow, ct);
        foreach (var entity in entities)
        {
            entity.Open(db.Vault.For(entity.ContentOwner));
        }

        return entities;
    }

    /// <summary>Opens one sealed text column of projected rows (lists), with one read of their data keys.</summary>
    public static async Task<IReadOnlyList<TOut>> OpenTextsAsync<TRow, TOut>(this EthicsDbContext db, IReadOnlyList<TRow> rows,
        Func<TRow, Guid> owner, Func<TRow, byte[]?> sealedText, string purpose, Func<TRow, string?, TOut> result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        await db.Vault.EnsureAsync(db, rows.Select(owner), create: false, DateTime.UtcNow, ct);
        return rows.Select(r => result(r, db.Vault.For(owner(r)).OpenText(purpose, sealedText(r)))).ToList();
    }
}
