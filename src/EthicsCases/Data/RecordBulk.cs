using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Security.Keys;

namespace EthicsCases.Data;

/// <summary>
/// Writes whole cases in bulk without the change tracker (the demo seeder): seals their content with fresh data keys
/// and appends their events to the record exactly as a save would, under the head's lock, inside the caller's
/// transaction. The head moves in memory and is written by the caller's final save.
/// </summary>
internal sealed class RecordBulk
{
    private readonly EthicsDbContext _db;
    private readonly AuditHead _head;
    private readonly string _keyId;
    private readonly byte[] _key;

    private RecordBulk(EthicsDbContext db, AuditHead head)
    {
        _db = db;
        _head = head;
        _keyId = db.Keys.Audit.CurrentId;
        _key = db.Keys.Audit.Find(_keyId)!;
    }

    /// <summary>Takes the head's lock for the rest of the caller's transaction.</summary>
    public static async Task<RecordBulk> BeginAsync(EthicsDbContext db, CancellationToken ct) => new(db, await AuditLedger.LockHeadAsync(db, ct));

    /// <summary>Seals, places and inserts a batch.</summary>
    public async Task WriteAsync(IReadOnlyList<EthicsCase> cases, IReadOnlyList<Determination> determinations, IReadOnlyList<PriorAdvice> advice,
        IReadOnlyList<AuditEvent> directoryEvents, string? channel, string? osUser, DateTime now, CancellationToken ct)
    {
        var crypto = _db.Keys.Content;
        var dataKeys = new List<DataKey>(cases.Count + advice.Count);
        var sealers = new Dictionary<Guid, IContentSealer>(cases.Count + advice.Count);
        foreach (var owner in cases.Select(c => c.Id).Concat(advice.Select(a => a.Id)))
        {
            var key = ContentCrypto.NewDataKey();
            var (kekId, wrapped) = crypto.Wrap(owner, key);
            dataKeys.Add(new DataKey(owner, kekId, wrapped, now));
            sealers[owner] = ContentVault.SealerFor(owner, key);
        }

        foreach (ISealedContent c in cases)
        {
            c.Seal(sealers[c.ContentOwner]);
        }

        foreach (ISealedContent d in determinations)
        {
            d.Seal(sealers[d.ContentOwner]);
        }

        foreach (ISealedContent a in advice)
        {
            a.Seal(sealers[a.ContentOwner]);
        }

        var byId = cases.ToDictionary(c => c.Id);
        var events = cases.SelectMany(c => c.History).Concat(directoryEvents).OrderBy(e => e.PendingOrder).ToList();
        foreach (var evt in events)
        {
            var owner = evt.CaseId is { } caseId ? byId[caseId] : null;
            evt.Place(_head.Seq + 1, owner?.LastAuditHash ?? _head.DirectoryHead, channel, osUser);
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

        _head.KeyId = _keyId;
        _head.Mac = _head.ComputeMac(_key);

        await BulkInsert.InsertAsync(_db, dataKeys, ct);
        await BulkInsert.InsertAsync(_db, cases, ct);
        await BulkInsert.InsertAsync(_db, cases.SelectMany(c => c.Subjects).ToList(), ct);
        await BulkInsert.InsertAsync(_db, events, ct);
        await BulkInsert.InsertAsync(_db, determinations, ct);
        await BulkInsert.InsertAsync(_db, advice, ct);
    }
}
