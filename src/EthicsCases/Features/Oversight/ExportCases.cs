using System.Runtime.CompilerServices;
using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Domain.Sanctions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Oversight;

/// <summary>
/// The cases (and their newest determination) the person may see, as CSV rows, oldest first; optionally one state.
/// Same visibility as the case list: a case that names the person never appears. Reporters' identities appear only
/// for named reports and only to the case's reviewers; subjects' names and determinations only to its reviewers.
/// </summary>
public sealed record ExportCases(CaseState? State = null) : ICommand<CaseExport>, IActorRequest;

/// <summary>
/// The export: <see cref="Count"/> rows counted when the export was recorded, and the rows themselves, read from the
/// database as they are enumerated (enumerate once, within the request's scope).
/// </summary>
public sealed record CaseExport(int Count, IAsyncEnumerable<CaseExportRow> Rows)
{
    /// <summary>Writes the CSV (<see cref="CaseCsv"/>) as the rows stream in; returns how many were written.</summary>
    public Task<int> WriteAsync(TextWriter writer, CancellationToken ct) => CaseCsv.WriteAsync(writer, Rows, ct);
}

/// <summary>Counts, records <c>CasesExported</c> on the directory chain (count and filter, no content), then streams.</summary>
public sealed class ExportCasesHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<ExportCases, CaseExport>
{
    public async ValueTask<CaseExport> Handle(ExportCases command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var cases = Visible(me, command.State);
        var count = await cases.CountAsync(cancellationToken);
        await DirectoryAudit.RecordAsync(db, me.Email, "CasesExported", clock.GetUtcNow().UtcDateTime,
            JsonSerializer.Serialize(new { count, state = command.State?.ToString(), format = "csv" }), cancellationToken, actorId: me.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new CaseExport(count, Rows(me, command.State, cancellationToken));
    }

    private IQueryable<EthicsCase> Visible(Person me, CaseState? state)
    {
        var cases = db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(me));
        return state is { } s ? cases.Where(c => c.State == s) : cases;
    }

    private async IAsyncEnumerable<CaseExportRow> Rows(Person me, CaseState? state, [EnumeratorCancellation] CancellationToken ct)
    {
        var ac = me.Has(Role.AuditCommittee);
        var isGc = me.Has(Role.GeneralCounsel);
        var board = me.Has(Role.Board);
        var rows = Visible(me, state)
            .OrderBy(c => c.FiledAt).ThenBy(c => c.Reference)
            .Select(c => new
            {
                c.Reference, c.Category, c.State, c.Outcome, c.FiledAt, c.ClosedAt, c.ReporterId,
                // Same rule as CaseAccess.IsReviewer, in SQL (the subject part is already excluded by VisibleTo).
                Reviewer = ac || (isGc && c.RoutedTo.Contains(Role.GeneralCounsel)) || (board && c.ReferredToBoard),
                FiledBy = db.AuditEvents.Where(e => e.CaseId == c.Id && e.Action == "Filed").Select(e => e.Actor).FirstOrDefault(),
                Reporter = c.Reporter!.Email,
                Subjects = c.Subjects.OrderBy(s => s.Person!.Name).Select(s => s.Person!.Name).ToList(),
                Determination = db.Determinations.Where(d => d.CaseId == c.Id).OrderByDescending(d => d.RecordedAt)
                    .Select(d => new { d.ViolationFound, d.SanctionsAsStored, d.Recommendation, d.DepartsFromRecommendation }).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
        {
            var anonymous = r.ReporterId is null && r.FiledBy == EthicsCase.AnonymousReporter;
            var d = r.Determination;
            yield return new CaseExportRow(
                r.Reference, r.Category, r.State, r.Outcome, r.FiledAt, r.ClosedAt, anonymous,
                anonymous || !r.Reviewer ? null : r.Reporter ?? r.FiledBy,
                r.Reviewer ? r.Subjects : null,
                r.Reviewer && d is not null
                    ? new ExportedDetermination(d.ViolationFound, d.SanctionsAsStored.Select(s => s.Sanction).ToList(), d.Recommendation, d.DepartsFromRecommendation)
                    : null);
        }
    }
}
