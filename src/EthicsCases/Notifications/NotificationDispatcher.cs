using EthicsCases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EthicsCases.Notifications;

/// <summary>What one delivery run did: mails accepted, and attempts that failed (retried later or given up).</summary>
public sealed record DeliveryReport(int Sent, int Failed);

/// <summary>
/// Delivers the outbox. Each run first bundles the day's digests, then claims due rows in batches under a lease,
/// sends each and marks it. Several dispatchers (web nodes, the CLI) may run at once on one database: a row is
/// claimed by one of them only (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>; SQLite: one atomic claiming UPDATE, SQLite
/// having a single writer), so each notification is sent once. Only a dispatcher that dies between the server's
/// acceptance and its mark leaves a row that is sent again when its lease runs out.
/// </summary>
public sealed class NotificationDispatcher(EthicsDbContext db, IMailSender sender, NotificationOptions options, TimeProvider clock,
    ILogger<NotificationDispatcher> logger)
{
    /// <summary>Delivers everything due now, once; returns the counts.</summary>
    public async Task<DeliveryReport> DeliverPendingAsync(CancellationToken ct)
    {
        await BundleDigestsAsync(ct);
        int sent = 0, failed = 0;
        while (true)
        {
            var claim = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
            var (ids, until) = await ClaimAsync(claim, ct);
            if (ids.Count == 0)
            {
                break;
            }

            // Stop early enough that a slow server cannot carry a send past the lease, where another node would
            // take the row and send it too; what is left goes back to the pool.
            var stopAt = until - TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(45).Ticks, options.Lease.Ticks / 4));
            var done = 0;
            foreach (var id in ids)
            {
                if (done > 0 && clock.GetUtcNow().UtcDateTime >= stopAt)
                {
                    await db.Notifications.Where(n => n.ClaimedBy == claim)
                        .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, (string?)null).SetProperty(n => n.ClaimedUntil, (DateTime?)null), ct);
                    break;
                }

                if (await DeliverOneAsync(id, claim, ct))
                {
                    sent++;
                }
                else
                {
                    failed++;
                }

                done++;
            }

            if (ids.Count < options.BatchSize && done == ids.Count)
            {
                break;
            }
        }

        if (sent + failed > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Notifications: {Sent} sent, {Failed} failed", sent, failed);
        }

        return new DeliveryReport(sent, failed);
    }

    /// <summary>
    /// Bundles, for every person who chose the digest, what was held for it before today's digest hour into one
    /// digest row (then delivered like any other). The digest's dedupe key (person and day) makes a second bundling
    /// of the same day by another node fail and roll back, and a held row joins one digest only.
    /// </summary>
    private async Task BundleDigestsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var todays = now.Date.AddHours(options.DigestHourUtc);
        var cutoff = now >= todays ? todays : todays.AddDays(-1);
        var day = DateOnly.FromDateTime(cutoff);
        var recipients = await db.Notifications.AsNoTracking()
            .Where(n => n.State == NotificationState.Digest && n.DigestId == null && n.CreatedAt < cutoff)
            .Select(n => n.RecipientId).Distinct().ToListAsync(ct);
        foreach (var recipient in recipients)
        {
            var digest = Notification.Digest(recipient, day, now);
            if (await db.Notifications.AnyAsync(n => n.DedupeKey == digest.DedupeKey, ct))
            {
                continue; // Already made today; what came later waits for tomorrow's.
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Notifications.Add(digest);
            try
            {
                await db.SaveChangesAsync(ct);
                var bundled = await db.Notifications
                    .Where(n => n.RecipientId == recipient && n.State == NotificationState.Digest && n.DigestId == null && n.CreatedAt < cutoff)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.DigestId, digest.Id), ct);
                if (bundled > 0)
                {
                    await transaction.CommitAsync(ct);
                }
                else
                {
                    await transaction.RollbackAsync(ct);
                }
            }
            catch (DbUpdateException)
            {
                // Another node made this digest at the same moment (unique dedupe key): theirs stands.
                await transaction.RollbackAsync(ct);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<(List<Guid> Ids, DateTime Until)> ClaimAsync(string claim, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.Lease;
        // Idle polls (the common case) only read, so they never queue behind SQLite's single writer.
        if (!await db.Notifications.AnyAsync(n => n.State == NotificationState.Pending && n.NextAttemptAt <= now, ct))
        {
            return ([], until);
        }

        if (db.Database.IsNpgsql())
        {
            // Rows another dispatcher is claiming right now are skipped, not waited for; the UPDATE sets the lease in
            // the same statement (its own short transaction), so the lock is held only while claiming.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "Notifications" SET "ClaimedBy" = {claim}, "ClaimedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "Notifications"
                    WHERE "State" = 'Pending' AND "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                    ORDER BY "NextAttemptAt"
                    LIMIT {options.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        else
        {
            // SQLite: a writing statement takes the database's single write lock before it reads, so selecting the due
            // rows and leasing them is one atomic step, as under BEGIN IMMEDIATE; a second dispatcher waits its turn
            // and then finds them leased.
            var due = db.Notifications
                .Where(n => n.State == NotificationState.Pending && n.NextAttemptAt <= now && (n.ClaimedUntil == null || n.ClaimedUntil < now))
                .OrderBy(n => n.NextAttemptAt)
                .Take(options.BatchSize)
                .Select(n => n.Id);
            await db.Notifications.Where(n => due.Contains(n.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, claim).SetProperty(n => n.ClaimedUntil, until), ct);
        }

        var ids = await db.Notifications.AsNoTracking().Where(n => n.ClaimedBy == claim)
            .OrderBy(n => n.NextAttemptAt).Select(n => n.Id).ToListAsync(ct);
        return (ids, until);
    }

    private async Task<bool> DeliverOneAsync(Guid id, string claim, CancellationToken ct)
    {
        var notification = await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && n.ClaimedBy == claim, ct);
        if (notification is null)
        {
            return false;
        }

        var recipient = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == notification.RecipientId, ct);
        if (recipient is null || !NotificationRules.HasUsableAddress(recipient))
        {
            await MarkFailedAsync(notification, claim, "suppressed: the recipient has no usable e-mail address", giveUp: true, ct);
            return false;
        }

        OutgoingMail mail;
        if (notification.Kind == NotificationKind.DailyDigest)
        {
            var items = await db.Notifications.AsNoTracking().Where(n => n.DigestId == notification.Id).ToListAsync(ct);
            var caseIds = items.Select(i => i.CaseId).OfType<Guid>().Distinct().ToList();
            var recused = await db.CaseSubjects.AsNoTracking()
                .Where(s => s.PersonId == recipient.Id && caseIds.Contains(s.CaseId)).Select(s => s.CaseId).ToListAsync(ct);
            var shown = items.Where(i => i.CaseId is not { } c || !recused.Contains(c)).ToList();
            if (shown.Count == 0)
            {
                await MarkFailedAsync(notification, claim, "suppressed: nothing left to tell", giveUp: true, ct);
                return false;
            }

            mail = NotificationMail.ComposeDigest(notification, shown, recipient.Email, options.BaseUrl);
        }
        else
        {
            // Checked again at delivery: someone named a subject after the event was queued is recused from then on.
            if (await db.CaseSubjects.AnyAsync(s => s.CaseId == notification.CaseId && s.PersonId == recipient.Id, ct))
            {
                await MarkFailedAsync(notification, claim, "suppressed: the recipient is a subject of the case", giveUp: true, ct);
                return false;
            }

            mail = NotificationMail.Compose(notification, recipient.Email, options.BaseUrl);
        }

        try
        {
            await sender.SendAsync(mail, ct);
        }
        catch (MailDeliveryException e)
        {
            await MarkFailedAsync(notification, claim, e.Message, giveUp: e.Permanent, ct);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await MarkFailedAsync(notification, claim, $"{e.GetType().Name}: {e.Message}", giveUp: false, ct);
            return false;
        }

        await MarkSentAsync(notification, claim, ct);
        return true;
    }

    private async Task MarkSentAsync(Notification notification, string claim, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.Notifications.Where(n => n.Id == notification.Id && n.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, NotificationState.Sent)
                .SetProperty(n => n.SentAt, now)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                .SetProperty(n => n.LastError, (string?)null)
                .SetProperty(n => n.ClaimedBy, (string?)null)
                .SetProperty(n => n.ClaimedUntil, (DateTime?)null), ct);
        if (notification.Kind == NotificationKind.DailyDigest)
        {
            await db.Notifications.Where(n => n.DigestId == notification.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NotificationState.Sent).SetProperty(n => n.SentAt, now), ct);
        }

        await transaction.CommitAsync(ct);
        if (marked == 0 && logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Notification {Id} was sent after its lease ran out; another node may send it again", notification.Id);
        }
    }

    private async Task MarkFailedAsync(Notification notification, string claim, string error, bool giveUp, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = notification.Attempts + 1;
        giveUp |= attempts >= options.MaxAttempts;
        var next = giveUp ? notification.NextAttemptAt : now + NotificationOptions.Backoff(attempts);
        var state = giveUp ? NotificationState.Failed : NotificationState.Pending;
        var lastError = Notification.Truncate(error);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Notifications.Where(n => n.Id == notification.Id && n.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, state)
                .SetProperty(n => n.Attempts, attempts)
                .SetProperty(n => n.NextAttemptAt, next)
                .SetProperty(n => n.LastError, lastError)
                .SetProperty(n => n.ClaimedBy, (string?)null)
                .SetProperty(n => n.ClaimedUntil, (DateTime?)null), ct);
        if (giveUp && notification.Kind == NotificationKind.DailyDigest)
        {
            await db.Notifications.Where(n => n.DigestId == notification.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NotificationState.Failed).SetProperty(n => n.LastError, "suppressed: its digest failed"), ct);
        }

        await transaction.CommitAsync(ct);
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Notification {Id} ({Kind}) attempt {Attempts} failed{GiveUp}: {Error}", notification.Id, notification.Kind, attempts,
                giveUp ? ", given up" : $", next attempt at {next:u}", lastError);
        }
    }
}
