using EthicsCases.Common;
using EthicsCases.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Audit;

/// <summary>Walks every audit chain and checks each hash; any edit or deletion outside the application shows.</summary>
public sealed record VerifyAudit : IQuery<AuditVerification>, IPublicRequest;

/// <summary>The verdict; <see cref="FirstInvalidEvent"/> is the id of the first event that does not verify.</summary>
public sealed record AuditVerification(int Events, bool Valid, long? FirstInvalidEvent);

/// <summary>Streams events in id order, keeping the head of each chain.</summary>
public sealed class VerifyAuditHandler(EthicsDbContext db) : IQueryHandler<VerifyAudit, AuditVerification>
{
    public async ValueTask<AuditVerification> Handle(VerifyAudit query, CancellationToken cancellationToken)
    {
        var heads = new Dictionary<Guid, string>();
        var count = 0;
        long? firstInvalid = null;
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            var chain = e.CaseId ?? Guid.Empty;
            var expectedPrevious = heads.GetValueOrDefault(chain, "");
            if (firstInvalid is null && (e.PreviousHash != expectedPrevious || e.ComputeHash() != e.Hash))
            {
                firstInvalid = e.Id;
            }

            heads[chain] = e.Hash;
        }

        // A chain's head is also kept on the case: a deleted newest event shows as a mismatch there.
        if (firstInvalid is null)
        {
            var caseHeads = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Select(c => new { c.Id, c.LastAuditHash }).ToListAsync(cancellationToken);
            var broken = caseHeads.FirstOrDefault(c => heads.GetValueOrDefault(c.Id, "") != c.LastAuditHash);
            if (broken is not null)
            {
                firstInvalid = await db.AuditEvents.Where(e => e.CaseId == broken.Id).OrderByDescending(e => e.Id)
                    .Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken) ?? 0;
            }
        }

        return new AuditVerification(count, firstInvalid is null, firstInvalid);
    }
}
