using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;

namespace EthicsCases.Features.Messages;

/// <summary>
/// A reviewer of the case acknowledges receipt to the reporter without writing a message: the reporter sees the case
/// acknowledged, and the Acknowledge clock is met. Refused once acknowledged (explicitly or by a shared message).
/// </summary>
public sealed record AcknowledgeReport(string CaseKey) : ICommand<AcknowledgedReport>, ICaseRequest;

/// <summary>When the report was acknowledged.</summary>
public sealed record AcknowledgedReport(Guid CaseId, string Reference, DateTime AcknowledgedAt);

/// <summary>Records the <c>Acknowledged</c> event (which sets the case's clock column) in one save.</summary>
public sealed class AcknowledgeReportHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<AcknowledgeReport, AcknowledgedReport>
{
    public async ValueTask<AcknowledgedReport> Handle(AcknowledgeReport command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var ethicsCase = await CaseLookup.LoadVisibleAsync(db, command.CaseKey, me, cancellationToken);
        if (!CaseAccess.IsReviewer(ethicsCase, me))
        {
            throw new ForbiddenException("Only the case's reviewers acknowledge a report.");
        }

        if (ethicsCase.State == CaseState.Closed)
        {
            throw new ConflictException($"Case {ethicsCase.Reference} is closed: the reporter has its outcome.");
        }

        var evt = ethicsCase.Acknowledge(me, clock.GetUtcNow().UtcDateTime);
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new AcknowledgedReport(ethicsCase.Id, ethicsCase.Reference, evt.At);
    }
}
