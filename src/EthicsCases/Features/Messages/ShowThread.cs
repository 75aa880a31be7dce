using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Messages;

/// <summary>A case's thread as the signed-in person may read it: reviewers read everything, the reporter only what is shared.</summary>
public sealed record ShowThread(string CaseKey) : IQuery<IReadOnlyList<ThreadMessage>>, ICaseRequest;

public sealed class ShowThreadHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<ShowThread, IReadOnlyList<ThreadMessage>>
{
    public async ValueTask<IReadOnlyList<ThreadMessage>> Handle(ShowThread query, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var ethicsCase = await db.Cases.AsNoTracking().ByKey(query.CaseKey).Where(CaseAccess.VisibleTo(me)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Case '{query.CaseKey}' was not found.");
        return await CaseThread.ReadAsync(db, ethicsCase.Id, CaseAccess.IsReviewer(ethicsCase, me), cancellationToken);
    }
}
