using System.Security.Cryptography;
using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Sanctions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Features.Oversight;

/// <summary>
/// The Audit Committee's quarterly report (PDF) for a quarter such as <c>2026Q4</c>, over the cases the person reviews:
/// metrics for the year ending with the quarter, open cases by age, overdue deadlines, the quarter's determinations and
/// Form 4 findings, and the waivers requested, decided or disclosed in it. References, codes, dates and counts only:
/// no summaries, reasons or subjects' names.
/// </summary>
public sealed record GetQuarterlyReport(string Quarter) : ICommand<QuarterlyReport>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.AuditCommittee, Role.Board];
}

/// <summary>The PDF and its SHA-256 (as recorded in <c>QuarterlyReportGenerated</c>).</summary>
public sealed record QuarterlyReport(Quarter Quarter, byte[] Pdf, string Sha256)
{
    /// <summary>A download name.</summary>
    public string FileName => $"quarterly-report-{Quarter}.pdf";
}

/// <summary>The quarter is written <c>YYYYQn</c>.</summary>
public sealed class GetQuarterlyReportValidator : AbstractValidator<GetQuarterlyReport>
{
    public GetQuarterlyReportValidator() =>
        RuleFor(q => q.Quarter).Must(q => Domain.Oversight.Quarter.TryParse(q, out _)).WithMessage("The quarter is written like 2026Q4.");
}

/// <summary>Gathers the sections with the person's visibility, renders, records the PDF's hash.</summary>
public sealed class GetQuarterlyReportHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock, IConfiguration configuration)
    : ICommandHandler<GetQuarterlyReport, QuarterlyReport>
{
    public async ValueTask<QuarterlyReport> Handle(GetQuarterlyReport command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var quarter = Quarter.Parse(command.Quarter);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var start = quarter.FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = quarter.Next().FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var asOf = today < quarter.LastDay ? today : quarter.LastDay;

        var firstQuarter = quarter.Previous().Previous().Previous();
        var metrics = ProgramMetrics.From(await MetricsLedger.ForViewerAsync(db, me, firstQuarter, quarter, cancellationToken),
            GetProgramMetricsHandler.Headcount(configuration), firstQuarter, quarter);

        var visible = db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(me));
        var open = await visible.Where(c => c.FiledAt < end && (c.State != CaseState.Closed || c.ClosedAt >= end))
            .Select(c => c.FiledAt).ToListAsync(cancellationToken);
        var overdue = await OverdueAsync(visible, now, cancellationToken);

        var determinations = await db.Determinations.AsNoTracking()
            .Where(d => d.RecordedAt >= start && d.RecordedAt < end && visible.Any(c => c.Id == d.CaseId))
            .OrderBy(d => d.BoardMeetingDate)
            .Select(d => new
            {
                Reference = visible.Where(c => c.Id == d.CaseId).Select(c => c.Reference).First(),
                d.BoardMeetingDate, d.ViolationFound, d.SanctionsAsStored, d.Recommendation, d.DepartsFromRecommendation,
            })
            .ToListAsync(cancellationToken);

        var form4 = await visible.Where(c => c.FiledAt >= start && c.FiledAt < end
                && db.AuditEvents.Any(e => e.CaseId == c.Id && e.Action == "Filed" && e.Actor == CaseFacts.Form4MonitorLabel))
            .OrderBy(c => c.FiledAt)
            .Select(c => new
            {
                c.Reference, c.FiledAt, c.State, c.Outcome,
                Code = db.Set<FilingFindingRecord>().Where(f => f.CaseId == c.Id).Select(f => f.Code).FirstOrDefault()
                    ?? (db.ShortSwingPairs.Any(p => p.CaseId == c.Id) ? FindingCodes.ShortSwing : null),
            })
            .ToListAsync(cancellationToken);

        var myId = me.Id;
        var startDate = quarter.FirstDay;
        var endDate = quarter.LastDay;
        // Every waiver touched in the quarter, except the viewer's own (as in the register).
        var waivers = (await db.Waivers.AsNoTracking().Include(w => w.Person).Where(w => w.PersonId != myId).ToListAsync(cancellationToken))
            .Where(w => (w.RequestedAt >= start && w.RequestedAt < end)
                || (w.DecidedOn >= startDate && w.DecidedOn <= endDate)
                || (w.Disclosure.DisclosedOn >= startDate && w.Disclosure.DisclosedOn <= endDate)
                || (w.Disclosure.Due >= startDate && w.Disclosure.Due <= endDate))
            .OrderBy(w => w.RequestedAt)
            .Select(w => new WaiverRow(w.Person!.Name, w.Provision, w.State.ToString(), w.DecidedOn, w.Disclosure.Due, w.Disclosure.DisclosedOn,
                w.Disclosure.LateAsOf(today) ?? false))
            .ToList();

        var content = new QuarterlyReportContent(
            quarter,
            today,
            metrics,
            OpenCaseAging.From(open, asOf),
            overdue,
            determinations.Select(d => new DeterminationRow(d.Reference, d.BoardMeetingDate,
                d.ViolationFound ? CaseOutcome.ViolationFound : CaseOutcome.NoViolationFound,
                d.SanctionsAsStored.Select(s => s.Sanction).ToList(), d.Recommendation, d.DepartsFromRecommendation)).ToList(),
            form4.Select(f => new Form4FindingRow(f.Reference, f.Code ?? "Form4", Clock(f.FiledAt), f.State, f.Outcome)).ToList(),
            waivers);
        var pdf = QuarterlyReportGenerator.Generate(content);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        await DirectoryAudit.RecordAsync(db, me.Email, "QuarterlyReportGenerated", now.UtcDateTime,
            JsonSerializer.Serialize(new { quarter = quarter.ToString(), sha256 = sha, length = pdf.Length }), cancellationToken, actorId: me.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new QuarterlyReport(quarter, pdf, sha);
    }

    private static DateOnly Clock(DateTime at) => DateOnly.FromDateTime(at.ToUniversalTime());

    /// <summary>The overdue clocks of the open cases, today: computed live, since overdue changes with the calendar.</summary>
    private async Task<IReadOnlyList<OverdueDeadlineRow>> OverdueAsync(IQueryable<EthicsCase> visible, DateTimeOffset now, CancellationToken ct)
    {
        var open = await visible.Where(c => c.State != CaseState.Closed)
            .Select(c => new { c.Id, c.Reference, c.Category, c.FiledAt, c.State, c.ClosedAt }).ToListAsync(ct);
        var rows = new List<OverdueDeadlineRow>();
        var actions = CaseFacts.RelevantActions;
        foreach (var batch in open.Chunk(1_000))
        {
            var ids = batch.Select(c => c.Id).ToList();
            var events = (await db.AuditEvents.AsNoTracking().Where(e => e.CaseId != null && ids.Contains(e.CaseId.Value) && actions.Contains(e.Action))
                    .OrderBy(e => e.Seq).Select(e => new { CaseId = e.CaseId!.Value, Fact = new CaseEventFact(e.Action, e.At, e.Actor) }).ToListAsync(ct))
                .ToLookup(e => e.CaseId, e => e.Fact);
            foreach (var c in batch)
            {
                var clocks = CaseFacts.Clocks(c.Category, c.FiledAt, c.State, c.ClosedAt, events[c.Id]);
                rows.AddRange(OverdueDeadlineRow.From(c.Reference, DeadlineCalculator.Default.Calculate(clocks, now)));
            }
        }

        return rows.OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.Reference).ToList();
    }
}
