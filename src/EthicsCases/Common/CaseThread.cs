using EthicsCases.Data;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>One message; <see cref="Author"/> reads "Reviewer" for a reporter, who does not learn reviewers' names.</summary>
public sealed record ThreadMessage(Guid MessageId, DateTime At, string Author, string Text, bool SharedWithReporter, bool FromReporter);

/// <summary>A stored message.</summary>
public sealed record PostedMessage(Guid MessageId, bool SharedWithReporter);

/// <summary>Reads a case's thread for the signed-in reporter or reviewer and for the anonymous reporter alike.</summary>
public static class CaseThread
{
    /// <summary>
    /// The thread of a case for a reviewer (everything) or for the reporter (shared only). Filters in SQL so that a
    /// private note never leaves the database for a reporter.
    /// </summary>
    public static async Task<IReadOnlyList<ThreadMessage>> ReadAsync(EthicsDbContext db, Guid caseId, bool reviewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var messages = db.CaseMessages.AsNoTracking().Where(m => m.CaseId == caseId);
        if (!reviewer)
        {
            messages = messages.Where(m => m.SharedWithReporter);
        }

        var list = await db.OpenAllAsync(await messages.OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct), ct);
        return list.Select(m => new ThreadMessage(m.Id, m.At,
            reviewer || m.FromReporter ? m.AuthorLabel : "Reviewer", m.Text, m.SharedWithReporter, m.FromReporter)).ToList();
    }
}
