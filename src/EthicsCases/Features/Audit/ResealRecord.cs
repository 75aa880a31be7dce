using System.Text;
using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Audit;

/// <summary>
/// Upgrades a record written before it was keyed, once (<c>ethics audit reseal</c>): checks the old unkeyed SHA-256
/// chains, then authenticates every old event with the audit key, seals old reasons and old clear content with data
/// keys, commits the hashes of content the old events did not cover, and records that it did all this. On a keyed
/// record it seals the content an earlier version stored in clear (and records that); with nothing to do it refuses.
/// </summary>
public sealed record ResealRecord : ICommand<ResealResult>, IOperatorRequest;

/// <summary>
/// Rotates the audit key (<c>ethics audit rotate-key</c>): a new key becomes current (in the key file; with keys from
/// configuration, the operator has already put the new one in place) and every event from <see cref="FromSeq"/> on is
/// re-authenticated with it; the rotation is recorded.
/// </summary>
public sealed record RotateAuditKey(long FromSeq = 1) : ICommand<ResealResult>, IOperatorRequest;

/// <summary>What was resealed.</summary>
public sealed record ResealResult(long Events, long FromSeq, string KeyId, int ContentSealed, int Commitments);

public sealed class ResealRecordHandler(EthicsDbContext db, TimeProvider clock) : ICommandHandler<ResealRecord, ResealResult>
{
    private const int Batch = 2_000;

    public async ValueTask<ResealResult> Handle(ResealRecord command, CancellationToken cancellationToken)
    {
        var unkeyed = await db.AuditEvents.Where(e => e.KeyId == null).OrderBy(e => e.Seq).Select(e => (long?)e.Seq).FirstOrDefaultAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (events, keyId, first) = (0L, db.Keys.Audit.CurrentId, unkeyed ?? 0);
        if (unkeyed is { } from)
        {
            await RecordSealing.CheckLegacyChainsAsync(db, cancellationToken);
            (events, keyId) = await RecordSealing.ResealFromAsync(db, from, legacy: true, cancellationToken);
        }

        // A keyed record may still hold content stored in clear by a version that did not seal it yet (waiver texts,
        // the Board's action details): seal that too, and record it the same way.
        var sealedContent = await SealClearContentAsync(cancellationToken);
        if (unkeyed is null && sealedContent == 0)
        {
            throw new ConflictException("Every event is already sealed with an audit key and no content is stored in clear: there is nothing to reseal.");
        }

        var commitments = unkeyed is null ? 0 : await CommitUncoveredContentAsync(now, cancellationToken);
        await DirectoryAudit.RecordAsync(db, null, "AuditResealed", now, JsonSerializer.Serialize(new
        {
            fromSeq = first, events, keyId, contentSealed = sealedContent, commitments,
        }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ResealResult(events, first, keyId, sealedContent, commitments);
    }

    // Content stored in clear before encryption: open (clear bytes open as they are) and seal on save.
    private async Task<int> SealClearContentAsync(CancellationToken ct)
    {
        var count = 0;
        count += await SealAsync(db.Cases.IgnoreAutoIncludes(), c => SealedFormat.AnyClear(c.SealedSummary, c.SealedDetails), ct);
        count += await SealAsync(db.CaseMessages, m => SealedFormat.AnyClear(m.SealedText), ct);
        count += await SealAsync(db.EvidenceFiles, f => SealedFormat.AnyClear(f.SealedFileName, f.SealedContent), ct);
        count += await SealAsync(db.Determinations, d => d.HasClearSanctionDetails
            || SealedFormat.AnyClear(d.SealedRationale, d.SealedAdvisedOverrideReason, d.SealedDepartureRationale, d.SealedNoticePdf, d.SealedSanctionDetails), ct);
        count += await SealAsync(db.PriorAdvice, a => SealedFormat.AnyClear(a.SealedSummary), ct);
        count += await SealAsync(db.Waivers, w => SealedFormat.AnyClear(w.SealedReason, w.SealedRationale), ct);
        count += await SealAsync(db.ImplicitWaiverProposals, p => SealedFormat.AnyClear(p.SealedReason), ct);
        count += await SealAsync(db.CodeAmendments, a => SealedFormat.AnyClear(a.SealedSummary), ct);
        return count;
    }

    private async Task<int> SealAsync<T>(IQueryable<T> rows, Func<T, bool> clear, CancellationToken ct)
        where T : class, ISealedContent
    {
        var count = 0;
        var all = await rows.ToListAsync(ct);
        foreach (var chunk in all.Where(clear).Chunk(Batch))
        {
            await db.OpenAllAsync(chunk, ct);
            foreach (var item in chunk)
            {
                item.MarkUnsealed();
            }

            await db.SaveChangesAsync(ct);
            count += chunk.Length;
        }

        return count;
    }

    // The old events committed to messages and documents by hash, but not to summaries, accounts, determination texts,
    // advice summaries or the directory: commit what the rows hold now, once, so that from here any change shows.
    private async Task<int> CommitUncoveredContentAsync(DateTime now, CancellationToken ct)
    {
        var commitments = 0;
        var filed = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "Filed" && e.CaseId != null)
            .Select(e => new { e.CaseId, e.Data }).ToListAsync(ct);
        var uncovered = filed.Where(f => EventData.Parse(f.Data).Text("summarySha256") is null).Select(f => f.CaseId!.Value).ToHashSet();
        var determinationEvents = await db.AuditEvents.AsNoTracking().Where(e => e.Action == nameof(CaseTrigger.RecordDetermination))
            .Select(e => new { e.CaseId, e.Data }).ToListAsync(ct);
        var uncoveredDeterminations = determinationEvents.Where(e => EventData.Parse(e.Data).Text("factsSha256") is null)
            .Select(e => EventData.Parse(e.Data).Id("determinationId")).OfType<Guid>().ToHashSet();
        var determinations = await db.Determinations.Where(d => uncoveredDeterminations.Contains(d.Id)).ToListAsync(ct);
        uncovered.UnionWith(determinations.Select(d => d.CaseId));

        foreach (var chunk in uncovered.Chunk(500))
        {
            var cases = await db.Cases.IgnoreAutoIncludes().Where(c => chunk.Contains(c.Id)).ToListAsync(ct);
            await db.OpenAllAsync(cases, ct);
            var ofCases = determinations.Where(d => chunk.Contains(d.CaseId)).ToList();
            await db.OpenAllAsync(ofCases, ct);
            foreach (var c in cases)
            {
                c.Record(null, "ContentCommitted", now, actorLabel: "system", data: JsonSerializer.Serialize(new
                {
                    summarySha256 = c.ContentPurgedAt is null ? ContentHash.Of(c.Summary) : null,
                    detailsSha256 = c.Details is null ? null : ContentHash.Of(c.Details),
                    determinations = ofCases.Where(d => d.CaseId == c.Id).ToDictionary(d => d.Id.ToString(), d =>
                    {
                        var (rationale, advised, departure) = d.TextHashes();
                        return new
                        {
                            factsSha256 = ContentHash.Of(DeterminationRecord.Facts(d)),
                            rationaleSha256 = rationale,
                            advisedOverrideReasonSha256 = advised,
                            departureRationaleSha256 = departure,
                            noticeSha256 = d.NoticePdf is { } pdf ? ContentHash.Of(pdf) : null,
                        };
                    }),
                }));
                commitments++;
            }

            await db.SaveChangesAsync(ct);
        }

        var adviceEvents = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "AdviceRecorded").Select(e => e.Data).ToListAsync(ct);
        var coveredAdvice = adviceEvents.Select(EventData.Parse).Where(d => d.Text("summarySha256") is not null).Select(d => d.Id("adviceId")).OfType<Guid>().ToHashSet();
        var advice = await db.PriorAdvice.Where(a => !coveredAdvice.Contains(a.Id)).ToListAsync(ct);
        await db.OpenAllAsync(advice, ct);
        foreach (var a in advice)
        {
            await DirectoryAudit.RecordAsync(db, null, "AdviceCommitted", now, JsonSerializer.Serialize(new
            {
                adviceId = a.Id, personId = a.PersonId, category = a.Category.ToString(), date = a.GivenOn, summarySha256 = ContentHash.Of(a.Summary),
            }), ct);
            commitments++;
        }

        var peopleEvents = await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == null && (e.Action == "PersonAdded" || e.Action == "PersonUpdated"))
            .Select(e => e.Data).ToListAsync(ct);
        var coveredPeople = peopleEvents.Select(EventData.Parse).Where(d => d.Strings("roles") is not null).Select(d => d.Id("personId")).OfType<Guid>().ToHashSet();
        foreach (var p in await db.People.AsNoTracking().Where(p => !coveredPeople.Contains(p.Id)).ToListAsync(ct))
        {
            await DirectoryAudit.RecordAsync(db, null, "PersonUpdated", now, JsonSerializer.Serialize(new
            {
                personId = p.Id, email = p.Email, roles = p.Roles.Select(r => r.ToString()), source = "reseal",
            }), ct);
            commitments++;
        }

        await db.SaveChangesAsync(ct);
        return commitments;
    }
}

public sealed class RotateAuditKeyHandler(EthicsDbContext db, TimeProvider clock) : ICommandHandler<RotateAuditKey, ResealResult>
{
    public async ValueTask<ResealResult> Handle(RotateAuditKey command, CancellationToken cancellationToken)
    {
        if (command.FromSeq < 1)
        {
            throw ValidationFailedException.For("fromSeq", "Re-sealing starts at an event's sequence number (1 or more).");
        }

        if (await db.AuditEvents.AnyAsync(e => e.KeyId == null, cancellationToken))
        {
            throw new ConflictException("The record still holds events from before it was keyed: run 'ethics audit reseal' first.");
        }

        var ring = db.Keys.Audit;
        var oldKeyId = ring.CurrentId;
        var keyId = ring.File is null ? ring.CurrentId : ring.Rotate();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (events, _) = await RecordSealing.ResealFromAsync(db, command.FromSeq, legacy: false, cancellationToken);
        await DirectoryAudit.RecordAsync(db, null, "AuditKeyRotated", clock.GetUtcNow().UtcDateTime, JsonSerializer.Serialize(new
        {
            fromSeq = command.FromSeq, events, oldKeyId, keyId,
        }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ResealResult(events, command.FromSeq, keyId, 0, 0);
    }
}

/// <summary>Re-authenticating a stretch of the record with the current audit key.</summary>
internal static class RecordSealing
{
    private const int Batch = 2_000;

    /// <summary>
    /// Checks the unkeyed SHA-256 chains of the events written before the record was keyed, so that the upgrade does not
    /// bless a record someone already tampered with.
    /// </summary>
    public static async Task CheckLegacyChainsAsync(EthicsDbContext db, CancellationToken ct)
    {
        var heads = new Dictionary<Guid, string>();
        await foreach (var e in db.AuditEvents.AsNoTracking().Where(e => e.KeyId == null).OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            var chain = e.CaseId ?? Guid.Empty;
            var reason = e.SealedReason is null ? null : Encoding.UTF8.GetString(e.SealedReason);
            var expected = AuditEvent.LegacyHash(heads.GetValueOrDefault(chain, ""), e.CaseId, e.At, e.ActorId, e.Actor, e.Action, e.From, e.To, reason, e.Data);
            if (e.PreviousHash != heads.GetValueOrDefault(chain, "") || expected != e.Hash)
            {
                throw new ConflictException(
                    $"The record written before keying is already broken at event {e.Seq} ({e.Action}): investigate it before resealing, which would otherwise seal the damage in.");
            }

            heads[chain] = e.Hash;
        }
    }

    /// <summary>
    /// Re-authenticates every event from <paramref name="fromSeq"/> on with the current audit key, relinking each
    /// chain to the new MACs, then moves the cases' chain heads and the record's head. With <paramref name="legacy"/>,
    /// old clear reasons are hashed and sealed first.
    /// </summary>
    public static async Task<(long Events, string KeyId)> ResealFromAsync(EthicsDbContext db, long fromSeq, bool legacy, CancellationToken ct)
    {
        var keyId = db.Keys.Audit.CurrentId;
        var key = db.Keys.Audit.Find(keyId)!;
        var head = await AuditLedger.LockHeadAsync(db, ct);

        // Chain heads just before the stretch.
        var chains = new Dictionary<Guid, string>();
        await foreach (var e in db.AuditEvents.AsNoTracking().Where(e => e.Seq < fromSeq).OrderBy(e => e.Seq).Select(e => new { e.CaseId, e.Hash })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            chains[e.CaseId ?? Guid.Empty] = e.Hash;
        }

        long count = 0;
        var next = fromSeq;
        while (true)
        {
            var batch = await db.AuditEvents.Where(e => e.Seq >= next).OrderBy(e => e.Seq).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            if (legacy)
            {
                await db.Vault.EnsureAsync(db, batch.Select(e => e.CaseId ?? ContentOwners.Directory), create: true, DateTime.UtcNow, ct);
            }

            foreach (var e in batch)
            {
                var chain = e.CaseId ?? Guid.Empty;
                if (legacy && e.KeyId is null)
                {
                    var owner = e.CaseId ?? ContentOwners.Directory;
                    var clear = e.SealedReason is null ? null : Encoding.UTF8.GetString(e.SealedReason);
                    e.AdoptLegacyReason(clear, text => db.Vault.For(owner).Seal("event.reason", text)!);
                }

                e.Relink(chains.GetValueOrDefault(chain, ""));
                e.Authenticate(keyId, key);
                chains[chain] = e.Hash;
                next = e.Seq + 1;
                count++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Entries<AuditEvent>().ToList().ForEach(entry => entry.State = EntityState.Detached);
        }

        foreach (var (chain, hash) in chains.Where(c => c.Key != Guid.Empty))
        {
            await db.Cases.Where(c => c.Id == chain).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastAuditHash, hash), ct);
        }

        head.LastHash = await db.AuditEvents.OrderByDescending(e => e.Seq).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? "";
        head.DirectoryHead = chains.GetValueOrDefault(Guid.Empty, "");
        head.KeyId = keyId;
        head.Mac = head.ComputeMac(key);
        await db.SaveChangesAsync(ct);
        return (count, keyId);
    }
}
