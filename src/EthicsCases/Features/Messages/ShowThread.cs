using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Messages;

/// <summary>A case's thread as the signed-in person may read it: reviewers read everything, the reporter only what is shared.</summary>
public sealed record ShowThread(string CaseKey) : IQuery<IReadOnlyList<ThreadMessage>>, ICaseRequest;

/// <summary>One message; <see cref="Author"/> reads "Reviewer" for a reporter, who does not learn reviewers' names.</summary>
public sealed record ThreadMessage(Guid MessageId, DateTime At, string Author, string Text, bool SharedWithReporter, bool FromReporter);

/// <summary>Filters in SQL so that a private note never leaves the database for a reporter.</summary>
public sealed class ShowThreadHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<ShowThread, IReadOnlyList<ThreadMessage>>
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ThreadMessage>> Handle(ShowThread query, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var ethicsCase = await db.Cases.AsNoTracking().ByKey(query.CaseKey).Where(CaseAccess.VisibleTo(me)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Case '{query.CaseKey}' was not found.");
        var reviewer = CaseAccess.IsReviewer(ethicsCase, me);
        return await ForCase(db, ethicsCase.Id, reviewer, cancellationToken);
    }

    /// <summary>The thread of a case for a reviewer (everything) or for the reporter (shared only).</summary>
    internal static async Task<IReadOnlyList<ThreadMessage>> ForCase(EthicsDbContext db, Guid caseId, bool reviewer, CancellationToken ct)
    {
        var messages = db.CaseMessages.AsNoTracking().Where(m => m.CaseId == caseId);
        if (!reviewer)
        {
            messages = messages.Where(m => m.SharedWithReporter);
        }

        var list = await messages.OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);
        return list.Select(m => new ThreadMessage(m.Id, m.At,
            reviewer || m.FromReporter ? m.AuthorLabel : "Reviewer", m.Text, m.SharedWithReporter, m.FromReporter)).ToList();
    }
}
