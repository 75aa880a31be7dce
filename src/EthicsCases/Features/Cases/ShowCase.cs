using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Workflow;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EthicsCases.Features.Cases;

/// <summary>One case as the signed-in person may see it.</summary>
public sealed record ShowCase(string CaseKey) : IQuery<CaseDetail>, ICaseRequest;

/// <summary>A person named in a case.</summary>
public sealed record PersonRef(Guid PersonId, string Email, string Name, string? Title);

/// <summary>One line of a case's history.</summary>
public sealed record HistoryEntry(DateTime At, string? Actor, string Trigger, string? From, string? To, string? Reason)
{
    /// <summary>
    /// Whether the retention policy removed this event's reason; <see cref="Reason"/> then holds a marker
    /// ("[purged under retention policy VERSION on DATE]") instead of the words.
    /// </summary>
    public bool Purged { get; init; }
}

/// <summary>
/// What a person sees of a case, and what they may do with it. Reporters who are not reviewers see the progress, not
/// who acted or why. <see cref="Substate"/> is the contract's sub-state; the workflow defines none yet, so it is null.
/// <see cref="Deadlines"/> are every clock for the case's reviewers and the Acknowledge and Feedback clocks for its
/// reporter; <see cref="CanAcknowledge"/> offers the explicit acknowledgement to a reviewer while it is still owed.
/// </summary>
public sealed record CaseDetail(
    Guid CaseId,
    string Reference,
    ConcernCategory Category,
    CaseState State,
    string? Substate,
    CaseOutcome? Outcome,
    IReadOnlyList<Role> RoutedTo,
    IReadOnlyList<PersonRef> Subjects,
    IReadOnlyList<HistoryEntry> History,
    string Summary,
    string? Details,
    PersonRef? Reporter,
    bool GeneralCounselRecused,
    DateTime FiledAt,
    DateTime UpdatedAt,
    bool IsReviewer,
    IReadOnlyList<CaseTrigger> PermittedTriggers,
    bool IsReporter,
    bool CanFetchNotice,
    IReadOnlyList<CaseDeadline> Deadlines,
    DateOnly? IncidentDate,
    bool CanAcknowledge)
{
    /// <summary>Who decided the standing determination (the Board or its designee); shown to reviewers only.</summary>
    public Features.Determinations.DecidedBy? DecidedBy { get; init; }
}

/// <summary>Loads the case with its history; the authorization behaviour has already checked visibility.</summary>
public sealed class ShowCaseHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock, IOptions<TriageOptions> triage) : IQueryHandler<ShowCase, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(ShowCase query, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var c = await db.Cases.AsNoTracking().AsSplitQuery().ByKey(query.CaseKey).Where(await CaseLookup.VisibleToAsync(db, me, today, cancellationToken))
            .Include(x => x.Reporter)
            .Include(x => x.Subjects).ThenInclude(s => s.Person)
            .Include(x => x.History.OrderBy(e => e.Id))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Case '{query.CaseKey}' was not found.");
        await db.OpenAsync(c, cancellationToken);
        await db.OpenAllAsync(c.History, cancellationToken);

        var reviewer = CaseAccess.IsReviewer(c, me);
        var purge = Domain.Retention.PurgedHistory.PurgeOf(c.History);
        // Whoever may record the Board's determination today (a Board member, the Audit Committee, a designee in force) is
        // offered it; the workflow still refuses anyone the case names.
        var decidesForBoard = c.State == CaseState.BoardDetermination
            && await Features.Determinations.DeterminationAuthority.OfAsync(db, me, today, cancellationToken) is not null;
        var permitted = await new CaseWorkflow(c, me, decidesForBoard).PermittedTriggersAsync();
        // Clocks are for who must act and for the reporter they protect; anyone else who can open the case sees none.
        var deadlines = reviewer || c.IsReporter(me)
            ? await CaseDeadlines.ForCaseAsync(db, c.Id, CaseDeadlines.Calculator(triage.Value), clock.GetUtcNow(), cancellationToken)
            : [];
        if (!reviewer)
        {
            deadlines = CaseDeadlines.ForReporter(deadlines);
        }

        return new CaseDetail(
            c.Id, c.Reference, c.Category, c.State, null, c.Outcome, c.RoutedTo,
            c.Subjects.Select(s => ToRef(s.Person!)).OrderBy(p => p.Name).ToList(),
            c.History.Select(e => reviewer
                ? Domain.Retention.PurgedHistory.MarkerFor(e, purge) is { } marker
                    ? new HistoryEntry(e.At, e.Actor, e.Action, e.From, e.To, marker) { Purged = true }
                    : new HistoryEntry(e.At, e.Actor, e.Action, e.From, e.To, e.Reason)
                : new HistoryEntry(e.At, e.ActorId == me.Id ? e.Actor : null, e.Action, e.From, e.To, null)).ToList(),
            c.Summary, c.Details, c.Reporter is null ? null : ToRef(c.Reporter),
            c.GeneralCounselRecused, c.FiledAt, c.UpdatedAt, reviewer, permitted, c.IsReporter(me), CaseAccess.MayFetchNotice(c, me),
            deadlines, c.IncidentDate, reviewer && c.AcknowledgedAt is null && deadlines.Any(d => d.Kind == DeadlineKind.Acknowledge))
        {
            DecidedBy = reviewer ? await Features.Determinations.DeterminationAuthority.StandingAsync(db, c.Id, cancellationToken) : null,
        };
    }

    private static PersonRef ToRef(Person p) => new(p.Id, p.Email, p.Name, p.Title);
}
