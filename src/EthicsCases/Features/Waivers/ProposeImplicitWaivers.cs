using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Features.Waivers;

/// <summary>
/// Looks for implicit waivers (Instruction 2 to Form 8-K Item 5.05) among the cases about covered officers and
/// proposes each new one to the General Counsel: (a) closed with a violation found whose standing determination took
/// no action; (b) open with no event for longer than <c>Waivers:ImplicitAfterDays</c>. Once per case and officer.
/// </summary>
public sealed record ProposeImplicitWaivers : ICommand<ImplicitWaiverScan>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];
}

/// <summary>How many proposals the scan made, and those the person may see.</summary>
public sealed record ImplicitWaiverScan(int Proposed, int AfterDays, IReadOnlyList<ProposalRow> Proposals);

/// <summary>A proposal as its reader sees it.</summary>
public sealed record ProposalRow(Guid ProposalId, Guid CaseId, string Reference, string Person, string PersonName, ImplicitWaiverTrigger Trigger,
    DateOnly Since, ProposalState State, DateTime ProposedAt, string? Reason, Guid? WaiverId);

/// <summary>Runs the scan and shows the actor what it proposed within their sight.</summary>
public sealed class ProposeImplicitWaiversHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock, IConfiguration configuration)
    : ICommandHandler<ProposeImplicitWaivers, ImplicitWaiverScan>
{
    /// <inheritdoc />
    public async ValueTask<ImplicitWaiverScan> Handle(ProposeImplicitWaivers command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var settings = WaiverSettings.From(configuration);
        var made = await ImplicitWaivers.ScanAsync(db, me.Email, clock.GetUtcNow().UtcDateTime, settings.ImplicitAfterDays, cancellationToken);
        var ids = made.Select(p => p.Id).ToList();
        var visible = await ImplicitWaivers.VisibleTo(db, me).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        await db.OpenAllAsync(visible, cancellationToken);
        return new ImplicitWaiverScan(made.Count, settings.ImplicitAfterDays, visible.Select(ImplicitWaivers.Row).ToList());
    }
}

/// <summary>The scan and the visibility of proposals, for the handlers and for a scheduled job.</summary>
public static class ImplicitWaivers
{
    /// <summary>
    /// Finds new implicit-waiver candidates and stores a proposal for each, audited; returns the new proposals.
    /// "No event" means no audit event on the case's chain: every step, note, message and upload appends one.
    /// </summary>
    public static async Task<IReadOnlyList<ImplicitWaiverProposal>> ScanAsync(EthicsDbContext db, string? actorEmail, DateTime now, int afterDays,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var officers = (await db.People.AsNoTracking().Where(p => p.Roles.Contains(Role.Officer)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var existing = (await db.ImplicitWaiverProposals.AsNoTracking().Select(p => new { p.CaseId, p.PersonId }).ToListAsync(ct))
            .Select(p => (p.CaseId, p.PersonId)).ToHashSet();
        var found = new List<(Guid CaseId, Guid PersonId, ImplicitWaiverTrigger Trigger, DateOnly Since)>();

        // (a) A violation found and no action taken: the standing (newest) determination lists no sanction.
        var closed = await db.Cases.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.State == CaseState.Closed && c.Outcome == CaseOutcome.ViolationFound)
            .Select(c => new { c.Id, c.ClosedAt }).ToListAsync(ct);
        var closedIds = closed.Select(c => c.Id).ToList();
        var determinations = await db.Determinations.AsNoTracking().Where(d => closedIds.Contains(d.CaseId)).ToListAsync(ct);
        foreach (var c in closed)
        {
            var standing = determinations.Where(d => d.CaseId == c.Id).MaxBy(d => d.RecordedAt);
            if (standing is { ViolationFound: true, PersonId: { } person, SanctionsAsStored.Count: 0 } && officers.Contains(person))
            {
                found.Add((c.Id, person, ImplicitWaiverTrigger.ViolationWithoutAction, DateOnly.FromDateTime(c.ClosedAt ?? standing.RecordedAt)));
            }
        }

        // (b) Open, about an officer, and nothing recorded on it for longer than the period.
        var open = await db.Cases.AsNoTracking().Where(c => c.State != CaseState.Closed)
            .Select(c => new { c.Id, c.FiledAt, Subjects = c.Subjects.Select(s => s.PersonId).ToList() }).ToListAsync(ct);
        open = open.Where(c => c.Subjects.Any(officers.Contains)).ToList();
        var openIds = open.Select(c => c.Id).ToList();
        var lastEvents = (await db.AuditEvents.AsNoTracking().Where(e => e.CaseId != null && openIds.Contains(e.CaseId.Value))
                .GroupBy(e => e.CaseId).Select(g => new { CaseId = g.Key!.Value, Last = g.Max(e => e.At) }).ToListAsync(ct))
            .ToDictionary(e => e.CaseId, e => e.Last);
        var threshold = now.AddDays(-afterDays);
        foreach (var c in open)
        {
            var last = lastEvents.GetValueOrDefault(c.Id, c.FiledAt);
            if (last < threshold)
            {
                found.AddRange(c.Subjects.Where(officers.Contains)
                    .Select(person => (c.Id, person, ImplicitWaiverTrigger.LeftUnacted, DateOnly.FromDateTime(last))));
            }
        }

        var proposals = new List<ImplicitWaiverProposal>();
        foreach (var (caseId, personId, trigger, since) in found.Where(f => !existing.Contains((f.CaseId, f.PersonId))))
        {
            var proposal = new ImplicitWaiverProposal(Guid.NewGuid(), caseId, personId, trigger, since, now);
            db.ImplicitWaiverProposals.Add(proposal);
            proposals.Add(proposal);
            await DirectoryAudit.RecordAsync(db, actorEmail, "ImplicitWaiverProposed", now, System.Text.Json.JsonSerializer.Serialize(new
            {
                proposalId = proposal.Id,
                caseId,
                personId,
                trigger = trigger.ToString(),
                since,
                afterDays,
            }), ct);
        }

        if (proposals.Count > 0)
        {
            await db.SaveOrConflictAsync("The implicit-waiver proposals", ct);
        }

        return proposals;
    }

    /// <summary>
    /// The proposals a person may see: those on cases they may see (the case's own rule: the General Counsel sees what
    /// is routed to the General Counsel, the Audit Committee every case), never one about themselves.
    /// </summary>
    public static IQueryable<ImplicitWaiverProposal> VisibleTo(EthicsDbContext db, Person person)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        var id = person.Id;
        var cases = db.Cases.Where(CaseAccess.VisibleTo(person)).Select(c => c.Id);
        return db.ImplicitWaiverProposals.AsNoTracking().Include(p => p.Case).Include(p => p.Person)
            .Where(p => p.PersonId != id && cases.Contains(p.CaseId));
    }

    /// <summary>The row for a loaded proposal (with its case and person).</summary>
    public static ProposalRow Row(ImplicitWaiverProposal p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ProposalRow(p.Id, p.CaseId, p.Case!.Reference, p.Person!.Email, p.Person.Name, p.Trigger, p.Since, p.State, p.ProposedAt,
            p.Reason, p.WaiverId);
    }
}
