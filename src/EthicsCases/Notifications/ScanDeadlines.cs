using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EthicsCases.Notifications;

/// <summary>
/// Looks at the clocks of every open case and queues the deadline alerts that are due: "due soon" from two days
/// before a due date, "overdue" after it, each once per recipient, case, clock and due date (the outbox's dedupe key),
/// so running it again queues nothing new. An operator's or the host's job (the web app's hosted service, or
/// <c>ethics notifications scan</c>), never a request through the web.
/// </summary>
public sealed record ScanDeadlines : ICommand<DeadlineScan>, IOperatorRequest;

/// <summary>How many open cases were looked at and how many alerts were queued.</summary>
public sealed record DeadlineScan(int Cases, int Queued);

/// <summary>Reads open cases in batches by reference with their clock columns (no event replay), one save per batch.</summary>
public sealed class ScanDeadlinesHandler(EthicsDbContext db, TimeProvider clock, IOptions<TriageOptions> triage) : ICommandHandler<ScanDeadlines, DeadlineScan>
{
    /// <summary>Cases read per query, and so alerts written per save.</summary>
    /// <remarks>
    /// Small on purpose: each save holds SQLite's one writer, and intake queues behind it. At 100,000 cases (53,000
    /// open, every clock overdue) batches of 500 wrote thousands of alerts per save and held the writer for seconds at a
    /// time, so filings made during a scan waited that long.
    /// </remarks>
    public const int BatchSize = 100;

    public async ValueTask<DeadlineScan> Handle(ScanDeadlines command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var calculator = CaseDeadlines.Calculator(triage.Value);
        var people = await NotificationPeople.ReviewersAsync(db, cancellationToken);
        var (cases, queued) = (0, 0);
        var after = "";
        while (true)
        {
            var batch = await db.Cases.AsNoTracking()
                .Where(c => c.State != CaseState.Closed && string.Compare(c.Reference, after) > 0)
                .OrderBy(c => c.Reference).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Reference;
            cases += batch.Count;
            var deadlines = await CaseDeadlines.ForCasesAsync(db, batch.Select(c => c.Id).ToList(), calculator, now, cancellationToken);
            var alerts = batch.SelectMany(c => deadlines[c.Id].SelectMany(d =>
                Notifier.DeadlineAlert(c, d.Kind.ToString(), d.Due, d.MetAt is not null, today, people, now.UtcDateTime)));
            var added = await NotificationOutbox.AddNewAsync(db, alerts, cancellationToken);
            if (added > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            queued += added;
        }

        return new DeadlineScan(cases, queued);
    }
}
