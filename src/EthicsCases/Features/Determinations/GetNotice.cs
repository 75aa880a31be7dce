using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Sanctions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Determinations;

/// <summary>
/// The written notice of a case's standing determination of a violation, as a PDF. Only the Audit Committee and the
/// Board may fetch it, and every fetch is audited on the case's chain. A command, not a query: it writes the audit
/// event, and generates the notice on first fetch when the determination was stored without one (demo data).
/// </summary>
public sealed record GetNotice(string CaseKey) : ICommand<Notice>, ICaseRequest, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles => CaseAccess.NoticeReaders;
}

/// <summary>The notice file.</summary>
public sealed record Notice(Guid CaseId, string Reference, string FileName, byte[] Pdf);

/// <summary>Loads the newest determination's notice, generating it if needed, and audits the fetch.</summary>
public sealed class GetNoticeHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<GetNotice, Notice>
{
    public async ValueTask<Notice> Handle(GetNotice command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var ethicsCase = await CaseLookup.LoadVisibleAsync(db, command.CaseKey, me, cancellationToken);
        var determination = ethicsCase.Outcome == CaseOutcome.ViolationFound
            ? await db.Determinations.Include(d => d.Person)
                .Where(d => d.CaseId == ethicsCase.Id && d.ViolationFound)
                .OrderByDescending(d => d.RecordedAt).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (determination is null)
        {
            throw new NotFoundException($"Case {ethicsCase.Reference} has no written notice: the Board has not determined a violation.");
        }

        await db.OpenAsync(determination, cancellationToken);
        if (determination.NoticePdf is null)
        {
            var recorder = await db.People.AsNoTracking().SingleAsync(p => p.Id == determination.RecordedById, cancellationToken);
            determination.AttachNotice(WrittenNoticeGenerator.Generate(
                DeterminationNotice.Content(determination, ethicsCase, determination.Person!, recorder, determination.RecordedAt,
                    await DeterminationAuthority.DescribeAsync(db, determination, cancellationToken))));
            ethicsCase.Record(me, "NoticeGenerated", now, data: $$"""{"determinationId":"{{determination.Id}}","noticeSha256":"{{ContentHash.Of(determination.NoticePdf!)}}"}""");
        }

        ethicsCase.Record(me, "NoticeFetched", now, data: $$"""{"determinationId":"{{determination.Id}}"}""");
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new Notice(ethicsCase.Id, ethicsCase.Reference, $"{ethicsCase.Reference}-written-notice.pdf", determination.NoticePdf!);
    }
}
