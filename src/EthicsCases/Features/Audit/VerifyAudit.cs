using EthicsCases.Common;
using EthicsCases.Data;
using Mediator;

namespace EthicsCases.Features.Audit;

/// <summary>
/// Replays the whole record and compares it with the rows; with a checkpoint from outside the database, also proves
/// that the database was not rolled back or truncated below it.
/// </summary>
/// <param name="Checkpoint">A signed checkpoint (<c>ethics audit checkpoint</c>), verified before use.</param>
public sealed record VerifyAudit(AuditCheckpoint? Checkpoint = null) : IQuery<AuditVerification>, IOperatorRequest;

/// <summary>
/// The verdict: the contract's <c>{"events","valid","firstInvalidEvent"}</c> (the sequence number of the first event a
/// problem names), then every problem found.
/// </summary>
public sealed record AuditVerification(long Events, bool Valid, long? FirstInvalidEvent, IReadOnlyList<AuditProblem> Problems, long HeadSeq);

public sealed class VerifyAuditHandler(EthicsDbContext db) : IQueryHandler<VerifyAudit, AuditVerification>
{
    public async ValueTask<AuditVerification> Handle(VerifyAudit query, CancellationToken cancellationToken)
    {
        var verifier = new RecordVerifier(db, db.Keys);
        await verifier.RunAsync(query.Checkpoint, cancellationToken);
        var problems = verifier.Problems;
        return new AuditVerification(verifier.Events, problems.Count == 0, problems.Where(p => p.EventSeq is not null).Min(p => p.EventSeq),
            problems, verifier.Head.Seq);
    }
}
