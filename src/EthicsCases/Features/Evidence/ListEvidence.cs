using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Evidence;

/// <summary>The documents attached to a case (reviewers only).</summary>
public sealed record ListEvidence(string CaseKey) : IQuery<IReadOnlyList<EvidenceItem>>, ICaseRequest;

/// <summary>One document, without its content.</summary>
public sealed record EvidenceItem(Guid EvidenceId, string FileName, string ContentType, long Length, string Sha256, string UploadedBy, DateTime UploadedAt);

/// <summary>Lists metadata only; the bytes come through <see cref="DownloadEvidence"/>.</summary>
public sealed class ListEvidenceHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<ListEvidence, IReadOnlyList<EvidenceItem>>
{
    public async ValueTask<IReadOnlyList<EvidenceItem>> Handle(ListEvidence query, CancellationToken cancellationToken)
    {
        var caseId = await EvidenceAccess.ReviewedCaseIdAsync(db, query.CaseKey, actor.Current, cancellationToken);
        var rows = await db.EvidenceFiles.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.UploadedAt)
            .Select(e => new
            {
                e.Id, e.CaseId, e.SealedFileName, e.PurgedAt, e.ContentType, e.Length, e.Sha256, e.UploadedAt,
                // The anonymous reporter has no directory entry.
                Name = db.People.Where(p => p.Id == e.UploadedById).Select(p => p.Name).FirstOrDefault() ?? EthicsCase.AnonymousReporter,
            })
            .ToListAsync(cancellationToken);
        await db.Vault.EnsureAsync(db, [caseId], create: false, DateTime.UtcNow, cancellationToken);
        var sealer = db.Vault.For(caseId);
        return rows.Select(r => new EvidenceItem(r.Id, r.PurgedAt is null ? sealer.OpenText(EvidenceFile.NamePurpose(r.Id), r.SealedFileName) ?? "" : "[removed]",
            r.ContentType, r.Length, r.Sha256, r.Name, r.UploadedAt)).ToList();
    }
}

/// <summary>One document with its bytes (reviewers only).</summary>
public sealed record DownloadEvidence(string CaseKey, Guid EvidenceId) : IQuery<EvidenceDownload>, ICaseRequest;

/// <summary>The file to send.</summary>
#pragma warning disable CA1819 // A download is a byte array by nature.
public sealed record EvidenceDownload(string FileName, string ContentType, byte[] Content);
#pragma warning restore CA1819

/// <summary>Loads the file of a case the actor reviews.</summary>
public sealed class DownloadEvidenceHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<DownloadEvidence, EvidenceDownload>
{
    public async ValueTask<EvidenceDownload> Handle(DownloadEvidence query, CancellationToken cancellationToken)
    {
        var caseId = await EvidenceAccess.ReviewedCaseIdAsync(db, query.CaseKey, actor.Current, cancellationToken);
        var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.EvidenceId && e.CaseId == caseId, cancellationToken)
            ?? throw new NotFoundException("That document is not attached to this case.");
        await db.OpenAsync(file, cancellationToken);
        return new EvidenceDownload(file.FileName, file.ContentType, file.Content);
    }
}

internal static class EvidenceAccess
{
    public static async Task<Guid> ReviewedCaseIdAsync(EthicsDbContext db, string key, Person me, CancellationToken ct)
    {
        var ethicsCase = await db.Cases.AsNoTracking().ByKey(key).Where(CaseAccess.VisibleTo(me)).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Case '{key}' was not found.");
        return CaseAccess.IsReviewer(ethicsCase, me)
            ? ethicsCase.Id
            : throw new ForbiddenException("Only the case's reviewers see its evidence.");
    }
}
