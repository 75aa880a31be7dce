using System.Security.Cryptography;
using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Security.Keys;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Data;

/// <summary>
/// The head of the record: the last sequence number, the MAC of the last event, the head of the directory chain, and a
/// MAC over the three, so that a deleted newest event cannot be hidden by resetting the head.
/// </summary>
public sealed class AuditHead
{
    /// <summary>The only row.</summary>
    public const int Row = 1;

    /// <summary>Always <see cref="Row"/>.</summary>
    public int Id { get; set; } = Row;

    /// <summary>The sequence number of the newest event (0 for none).</summary>
    public long Seq { get; set; }

    /// <summary>MAC of the newest event.</summary>
    public string LastHash { get; set; } = "";

    /// <summary>MAC of the newest directory event.</summary>
    public string DirectoryHead { get; set; } = "";

    /// <summary>The audit key the head MAC was made with.</summary>
    public string? KeyId { get; set; }

    /// <summary>HMAC over the head's fields.</summary>
    public string Mac { get; set; } = "";

    /// <summary>The MAC this head should carry under <paramref name="key"/>.</summary>
    public string ComputeMac(ReadOnlySpan<byte> key)
    {
        var w = new CanonicalWriter(stackalloc byte[256]);
        try
        {
            w.Text("ec-audit-head-v1");
            w.Int64(Seq);
            w.Text(LastHash);
            w.Text(DirectoryHead);
            w.Text(KeyId);
            Span<byte> mac = stackalloc byte[32];
            HMACSHA256.HashData(key, w.Written, mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            w.Dispose();
        }
    }
}

/// <summary>
/// Appends the events of a unit of work to the record: under a lock on the head (PostgreSQL <c>FOR UPDATE</c>; SQLite's
/// single writer, which every write transaction takes with <c>BEGIN IMMEDIATE</c>), each event gets the next sequence
/// number, the MAC of the previous event of its chain, who acted through what, and its MAC; the head moves with them.
/// Two writers can therefore never give two events the same place or the same predecessor.
/// </summary>
public static class AuditLedger
{
    /// <summary>Places and authenticates <paramref name="events"/> (in creation order) inside the current transaction.</summary>
    public static async Task AppendAsync(EthicsDbContext db, IReadOnlyList<AuditEvent> events, RecordKeys keys, ActorContext? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        var head = await LockHeadAsync(db, ct);
        var keyId = keys.Audit.CurrentId;
        var key = keys.Audit.Find(keyId)!;
        var cases = db.ChangeTracker.Entries<EthicsCase>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        var caseHeads = new Dictionary<Guid, string>();
        foreach (var evt in events.OrderBy(e => e.PendingOrder))
        {
            string previous;
            if (evt.CaseId is { } caseId)
            {
                previous = caseHeads.TryGetValue(caseId, out var h) ? h
                    : cases.TryGetValue(caseId, out var c) ? c.LastAuditHash
                    : await db.Cases.Where(x => x.Id == caseId).Select(x => x.LastAuditHash).SingleAsync(ct);
            }
            else
            {
                previous = head.DirectoryHead;
            }

            evt.Place(head.Seq + 1, previous, actor?.Channel, actor?.OsUser);
            evt.Authenticate(keyId, key);
            head.Seq++;
            head.LastHash = evt.Hash;
            if (evt.CaseId is { } id)
            {
                caseHeads[id] = evt.Hash;
                if (cases.TryGetValue(id, out var c))
                {
                    c.LastAuditHash = evt.Hash;
                }
                else
                {
                    await db.Cases.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastAuditHash, evt.Hash), ct);
                }
            }
            else
            {
                head.DirectoryHead = evt.Hash;
            }
        }

        head.KeyId = keyId;
        head.Mac = head.ComputeMac(key);
    }

    /// <summary>Reads the head for change, holding the lock until the transaction ends.</summary>
    public static async Task<AuditHead> LockHeadAsync(EthicsDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The record is appended inside the transaction that saves the change.");
        }

        var tracked = db.ChangeTracker.Entries<AuditHead>().FirstOrDefault()?.Entity;
        if (tracked is not null)
        {
            return tracked;
        }

        var head = db.Database.IsNpgsql()
            ? await db.AuditHeads.FromSqlRaw("SELECT * FROM \"AuditHeads\" WHERE \"Id\" = 1 FOR UPDATE").SingleOrDefaultAsync(ct)
            : await db.AuditHeads.SingleOrDefaultAsync(h => h.Id == AuditHead.Row, ct);
        if (head is null)
        {
            head = new AuditHead();
            db.AuditHeads.Add(head);
        }

        return head;
    }
}
