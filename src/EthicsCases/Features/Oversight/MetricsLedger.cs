using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Sanctions;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Oversight;

/// <summary>
/// Keeps the pre-aggregated metrics (docs/adr/ADR-012-metrics-pre-aggregation.md): every unit of work that appends an
/// event to a case recomputes that case's <see cref="CaseFact"/>, subtracts the fact it counted with before and adds the
/// new one, in the same transaction and under the record head's lock, so buckets and the record cannot disagree.
/// </summary>
public static class MetricsLedger
{
    /// <summary>
    /// Called by <see cref="EthicsDbContext.SaveChangesAsync(bool, CancellationToken)"/> after the unit's events are
    /// placed (the head is locked): brings the buckets of the cases those events belong to up to date.
    /// </summary>
    public static async Task ApplyAsync(EthicsDbContext db, IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        var caseIds = events.Where(e => e.CaseId is not null).Select(e => e.CaseId!.Value).Distinct().ToList();
        if (caseIds.Count == 0)
        {
            return;
        }

        var tracked = db.ChangeTracker.Entries<EthicsCase>().Where(e => e.State != EntityState.Deleted).ToDictionary(e => e.Entity.Id, e => e.Entity);
        foreach (var caseId in caseIds)
        {
            if (!tracked.TryGetValue(caseId, out var ethicsCase))
            {
                continue;
            }

            // A case filed in this unit has nothing stored yet (events, determination, counted fact): no reads for it.
            var filing = db.Entry(ethicsCase).State == EntityState.Added;
            var fact = await FactAsync(db, ethicsCase, filing, ct);
            var routing = RoutingClasses.Of(ethicsCase.IsRoutedToGeneralCounsel, ethicsCase.ReferredToBoard);
            var row = filing ? null : await db.MetricsCaseFacts.FindAsync([caseId], ct);
            if (row is not null)
            {
                var old = CaseFacts.FromJson(row.Json);
                if (row.RoutingClass == routing && Same(old, fact))
                {
                    continue;
                }

                await ApplyToBucketsAsync(db, old, row.RoutingClass, subtract: true, ct);
                row.Json = CaseFacts.ToJson(fact);
                row.RoutingClass = routing;
            }
            else
            {
                db.MetricsCaseFacts.Add(new MetricsCaseFactRow(caseId, routing, CaseFacts.ToJson(fact)));
            }

            await ApplyToBucketsAsync(db, fact, routing, subtract: false, ct);
        }
    }

    // Records compare lists by reference; the stored JSON is the fact's identity.
    private static bool Same(CaseFact a, CaseFact b) => CaseFacts.ToJson(a) == CaseFacts.ToJson(b);

    private static async Task ApplyToBucketsAsync(EthicsDbContext db, CaseFact fact, RoutingClass routing, bool subtract, CancellationToken ct)
    {
        foreach (var key in MetricsBucket.KeysFor(fact))
        {
            var quarter = key.Quarter.ToString();
            var row = await db.MetricsBuckets.FindAsync([quarter, key.Category, routing], ct);
            var bucket = row?.Read() ?? new MetricsBucket(key);
            if (subtract)
            {
                bucket.Subtract(fact);
            }
            else
            {
                bucket.Add(fact);
            }

            if (row is null)
            {
                db.MetricsBuckets.Add(new MetricsBucketRow(quarter, key.Category, routing, bucket.ToJson()));
            }
            else
            {
                row.Json = bucket.ToJson();
                row.Version++;
            }
        }
    }

    /// <summary>A tracked case's fact now: its stored record and determinations plus those pending in the unit of work.</summary>
    private static async Task<CaseFact> FactAsync(EthicsDbContext db, EthicsCase ethicsCase, bool filing, CancellationToken ct)
    {
        var id = ethicsCase.Id;
        var actions = CaseFacts.RelevantActions;
        var stored = filing ? [] : await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == id && actions.Contains(e.Action))
            .OrderBy(e => e.Seq).Select(e => new CaseEventFact(e.Action, e.At, e.Actor)).ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added && e.Entity.CaseId == id)
            .Select(e => e.Entity).OrderBy(e => e.PendingOrder).Select(e => new CaseEventFact(e.Action, e.At, e.Actor));
        var newest = db.ChangeTracker.Entries<Determination>().Where(e => e.State == EntityState.Added && e.Entity.CaseId == id)
            .Select(e => e.Entity).OrderByDescending(d => d.RecordedAt).Select(d => d.SanctionsAsStored.Select(s => s.Sanction).ToList()).FirstOrDefault()
            ?? (filing ? null : await db.Determinations.AsNoTracking().Where(d => d.CaseId == id).OrderByDescending(d => d.RecordedAt)
                .Select(d => d.SanctionsAsStored).FirstOrDefaultAsync(ct))?.Select(s => s.Sanction).ToList()
            ?? [];
        return CaseFacts.From(ethicsCase.Category, ethicsCase.FiledAt, ethicsCase.State, ethicsCase.ClosedAt, ethicsCase.Outcome,
            stored.Concat(pending), newest);
    }

    /// <summary>
    /// The buckets a viewer may see, merged over routing classes, for quarters <paramref name="from"/> to
    /// <paramref name="to"/>: the classes their roles open, less the cases that name them (their stored facts, subtracted
    /// exactly). Reads (quarters × categories × classes) rows plus the viewer's own few cases.
    /// </summary>
    public static async Task<IReadOnlyList<MetricsBucket>> ForViewerAsync(EthicsDbContext db, Person viewer, Quarter from, Quarter to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var classes = RoutingClasses.VisibleTo(viewer);
        if (classes.Count == 0)
        {
            return [];
        }

        string first = from.ToString(), last = to.ToString();
        var rows = await db.MetricsBuckets.AsNoTracking()
            .Where(b => classes.Contains(b.RoutingClass) && string.Compare(b.Quarter, first) >= 0 && string.Compare(b.Quarter, last) <= 0)
            .Select(b => b.Json).ToListAsync(ct);
        var merged = new Dictionary<MetricsBucketKey, MetricsBucket>();
        foreach (var json in rows)
        {
            var bucket = MetricsBucket.FromJson(json);
            if (merged.TryGetValue(bucket.Key, out var into))
            {
                into.Merge(bucket);
            }
            else
            {
                merged[bucket.Key] = bucket;
            }
        }

        var id = viewer.Id;
        var recused = await db.MetricsCaseFacts.AsNoTracking()
            .Where(f => classes.Contains(f.RoutingClass) && db.CaseSubjects.Any(s => s.CaseId == f.CaseId && s.PersonId == id))
            .Select(f => f.Json).ToListAsync(ct);
        foreach (var fact in recused.Select(CaseFacts.FromJson))
        {
            foreach (var key in MetricsBucket.KeysFor(fact).Where(k => k.Quarter >= from && k.Quarter <= to))
            {
                merged[key].Subtract(fact);
            }
        }

        return merged.Values.ToList();
    }

    /// <summary>
    /// The same buckets computed live from the cases themselves (every case the viewer reviews, fact by fact): what the
    /// maintained buckets must equal. Costs a pass over the cases; for checks and tests, not for pages.
    /// </summary>
    public static async Task<IReadOnlyList<MetricsBucket>> ComputeLiveAsync(EthicsDbContext db, Person viewer, Quarter from, Quarter to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(viewer);
        var classes = RoutingClasses.VisibleTo(viewer);
        var merged = new Dictionary<MetricsBucketKey, MetricsBucket>();
        var id = viewer.Id;
        var ids = await db.Cases.AsNoTracking().Where(c => !c.Subjects.Any(s => s.PersonId == id)).Select(c => c.Id).ToListAsync(ct);
        await foreach (var (_, routing, fact) in FactsAsync(db, ids, ct))
        {
            if (!classes.Contains(routing))
            {
                continue;
            }

            foreach (var key in MetricsBucket.KeysFor(fact).Where(k => k.Quarter >= from && k.Quarter <= to))
            {
                if (!merged.TryGetValue(key, out var bucket))
                {
                    merged[key] = bucket = new MetricsBucket(key);
                }

                bucket.Add(fact);
            }
        }

        return merged.Values.ToList();
    }

    /// <summary>The facts of the given cases, computed from the stored record, a thousand cases per round trip.</summary>
    public static async IAsyncEnumerable<(Guid CaseId, RoutingClass Routing, CaseFact Fact)> FactsAsync(EthicsDbContext db, IReadOnlyList<Guid> caseIds,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caseIds);
        var actions = CaseFacts.RelevantActions;
        foreach (var batch in caseIds.Chunk(1_000))
        {
            var cases = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(c => batch.Contains(c.Id))
                .Select(c => new { c.Id, c.Category, c.FiledAt, c.State, c.ClosedAt, c.Outcome, c.RoutedTo, c.ReferredToBoard })
                .ToListAsync(ct);
            var events = (await db.AuditEvents.AsNoTracking().Where(e => e.CaseId != null && batch.Contains(e.CaseId.Value) && actions.Contains(e.Action))
                    .OrderBy(e => e.Seq).Select(e => new { CaseId = e.CaseId!.Value, Fact = new CaseEventFact(e.Action, e.At, e.Actor) }).ToListAsync(ct))
                .ToLookup(e => e.CaseId, e => e.Fact);
            var determinations = (await db.Determinations.AsNoTracking().Where(d => batch.Contains(d.CaseId))
                    .Select(d => new { d.CaseId, d.RecordedAt, d.SanctionsAsStored }).ToListAsync(ct))
                .GroupBy(d => d.CaseId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Sanction>)g.OrderByDescending(d => d.RecordedAt).First().SanctionsAsStored.Select(s => s.Sanction).ToList());
            foreach (var c in cases)
            {
                var fact = CaseFacts.From(c.Category, c.FiledAt, c.State, c.ClosedAt, c.Outcome, events[c.Id],
                    determinations.GetValueOrDefault(c.Id) ?? []);
                yield return (c.Id, RoutingClasses.Of(c.RoutedTo.Contains(Role.GeneralCounsel), c.ReferredToBoard), fact);
            }
        }
    }

    /// <summary>
    /// Recomputes every bucket from the cases (after a bulk load, on an existing database, after a policy change), under
    /// the head's lock so no event lands half-counted. Returns the number of cases and buckets.
    /// </summary>
    public static async Task<(int Cases, int Buckets)> RebuildAsync(EthicsDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await AuditLedger.LockHeadAsync(db, ct);
        await db.MetricsBuckets.ExecuteDeleteAsync(ct);
        await db.MetricsCaseFacts.ExecuteDeleteAsync(ct);
        var ids = await db.Cases.AsNoTracking().OrderBy(c => c.FiledAt).Select(c => c.Id).ToListAsync(ct);
        var buckets = new Dictionary<(MetricsBucketKey, RoutingClass), MetricsBucket>();
        var facts = new List<MetricsCaseFactRow>(1_000);
        await foreach (var (caseId, routing, fact) in FactsAsync(db, ids, ct))
        {
            facts.Add(new MetricsCaseFactRow(caseId, routing, CaseFacts.ToJson(fact)));
            foreach (var key in MetricsBucket.KeysFor(fact))
            {
                if (!buckets.TryGetValue((key, routing), out var bucket))
                {
                    buckets[(key, routing)] = bucket = new MetricsBucket(key);
                }

                bucket.Add(fact);
            }

            if (facts.Count == 1_000)
            {
                await BulkInsert.InsertAsync(db, facts, ct);
                facts.Clear();
            }
        }

        await BulkInsert.InsertAsync(db, facts, ct);
        await BulkInsert.InsertAsync(db, buckets.Select(b => new MetricsBucketRow(b.Key.Item1.Quarter.ToString(), b.Key.Item1.Category, b.Key.Item2, b.Value.ToJson())).ToList(), ct);
        return (ids.Count, buckets.Count);
    }

    /// <summary>JSON data of the rebuild's audit event: counts only.</summary>
    internal static string RebuildData(int cases, int buckets) => JsonSerializer.Serialize(new { cases, buckets });
}
