using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Sanctions;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>An earlier violation determined against a person: the case it was found in.</summary>
/// <param name="CaseId">The earlier case.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="Category">Its category.</param>
/// <param name="DeterminedOn">The Board meeting that determined it.</param>
/// <param name="Sanctions">What the Board chose.</param>
public sealed record PriorViolation(Guid CaseId, string Reference, ConcernCategory Category, DateOnly DeterminedOn, IReadOnlyList<Sanction> Sanctions);

/// <summary>Advice the General Counsel recorded as given to a person.</summary>
public sealed record AdviceEntry(Guid AdviceId, string PersonEmail, string PersonName, ConcernCategory Category, DateOnly Date, string Summary, string RecordedBy, DateTime RecordedAt);

/// <summary>
/// What the records say about a person's past, for the factors the Board must weigh: violations determined in
/// earlier cases, and advice given before the violation. Read from Determination and PriorAdvice rows, never typed in.
/// </summary>
public static class DeterminationHistory
{
    /// <summary>
    /// Violations found against <paramref name="personId"/> in other cases that are closed with outcome
    /// ViolationFound and were determined before <paramref name="before"/>; one per case (its newest determination).
    /// </summary>
    public static async Task<IReadOnlyList<PriorViolation>> PriorViolationsAsync(EthicsDbContext db, Guid personId, Guid excludingCaseId, DateTime before, CancellationToken ct)
    {
        var rows = await (
                from d in db.Determinations.AsNoTracking()
                join c in db.Cases on d.CaseId equals c.Id
                where d.PersonId == personId && d.ViolationFound && d.CaseId != excludingCaseId && d.RecordedAt < before
                    && c.State == CaseState.Closed && c.Outcome == CaseOutcome.ViolationFound
                select new { c.Id, c.Reference, c.Category, d.BoardMeetingDate, d.RecordedAt, d.SanctionsAsStored })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.Id)
            .Select(g => g.OrderByDescending(r => r.RecordedAt).First())
            .OrderBy(r => r.BoardMeetingDate).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .Select(r => new PriorViolation(r.Id, r.Reference, r.Category, r.BoardMeetingDate, r.SanctionsAsStored.Select(s => s.Sanction).ToList()))
            .ToList();
    }

    /// <summary>
    /// Advice given to the person on the case's category on or before the day the case was filed: the latest
    /// date the violation can have happened, since the records hold no earlier one.
    /// </summary>
    public static Task<IReadOnlyList<AdviceEntry>> AdviceBeforeAsync(EthicsDbContext db, Guid personId, ConcernCategory category, DateOnly violationBy, CancellationToken ct) =>
        EntriesAsync(db, db.PriorAdvice.Where(a => a.PersonId == personId && a.Category == category && a.GivenOn <= violationBy), ct);

    /// <summary>Ledger rows with the advised person and the recorder named, oldest advice first, summaries opened.</summary>
    public static async Task<IReadOnlyList<AdviceEntry>> EntriesAsync(EthicsDbContext db, IQueryable<Domain.Determinations.PriorAdvice> advice, CancellationToken ct,
        int take = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
                from a in advice.AsNoTracking()
                join p in db.People on a.PersonId equals p.Id
                join r in db.People on a.RecordedById equals r.Id
                orderby a.GivenOn, a.RecordedAt, a.Id
                select new { a.Id, p.Email, p.Name, a.Category, a.GivenOn, a.SealedSummary, Recorder = r.Email, a.RecordedAt })
            .Take(take).ToListAsync(ct);
        return await db.OpenTextsAsync(rows, r => r.Id, r => r.SealedSummary, Domain.Determinations.PriorAdvice.SummaryPurpose,
            (r, summary) => new AdviceEntry(r.Id, r.Email, r.Name, r.Category, r.GivenOn, summary ?? "", r.Recorder, r.RecordedAt), ct);
    }

    /// <summary>
    /// Of <paramref name="priors"/>, those in cases <paramref name="viewer"/> may see: a recused reviewer still learns
    /// how many violations the records hold (the calculator counts them all) but not which cases they were found in.
    /// </summary>
    public static async Task<IReadOnlyList<PriorViolation>> VisibleToAsync(EthicsDbContext db, IReadOnlyList<PriorViolation> priors, Person viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(priors);
        if (priors.Count == 0)
        {
            return priors;
        }

        var ids = priors.Select(p => p.CaseId).ToList();
        var visible = (await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(viewer)).Where(c => ids.Contains(c.Id))
            .Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        return priors.Where(p => visible.Contains(p.CaseId)).ToList();
    }

    /// <summary>
    /// Past determinations of a violation in other cases that <paramref name="viewer"/> may see, for
    /// <see cref="Precedents.MostComparable"/>: a case hidden from the viewer (recusal, routing) is no precedent to them.
    /// </summary>
    public static async Task<IReadOnlyList<PastDetermination>> PastDeterminationsAsync(EthicsDbContext db, Guid excludingCaseId, Person viewer, CancellationToken ct)
    {
        var rows = await (
                from d in db.Determinations.AsNoTracking()
                join c in db.Cases.IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(viewer)) on d.CaseId equals c.Id
                where d.ViolationFound && d.CaseId != excludingCaseId && d.Severity != null
                select new { c.Reference, c.Category, d.BoardMeetingDate, d.Severity, d.Occurrences, d.Intent, d.Advised, d.PriorViolations, d.SanctionsAsStored })
            .ToListAsync(ct);
        return rows
            .Select(r => new PastDetermination(r.Reference, r.BoardMeetingDate, r.Category,
                new SanctionFactors(r.Severity!.Value, r.Occurrences!.Value, r.Intent!.Value, r.Advised!.Value, r.PriorViolations!.Value, r.Category),
                r.SanctionsAsStored.Select(s => s.Sanction).ToList()))
            .ToList();
    }
}
