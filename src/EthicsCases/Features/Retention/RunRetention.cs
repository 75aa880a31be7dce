using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Retention;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Retention;

/// <summary>
/// Applies the retention policy as of a date (default: today, UTC): every closed case whose retention ended and that
/// has no active legal hold loses its content (<c>ethics retention run</c>). An operator's command: it deletes data
/// keys. With <see cref="DryRun"/> nothing changes and the result lists what would go.
/// </summary>
public sealed record RunRetention(DateOnly? AsOf = null, bool DryRun = false) : ICommand<RetentionRun>, IOperatorRequest;

/// <summary>
/// What a run did: the cases purged (or that would be, in a dry run), the cases due but held, and the cases left for
/// the next run because they changed while it ran (reopened, held).
/// </summary>
public sealed record RetentionRun(DateOnly AsOf, string PolicyVersion, IReadOnlyList<string> Purged, IReadOnlyList<string> Held, IReadOnlyList<string> Skipped, bool DryRun);

public sealed class RunRetentionValidator : AbstractValidator<RunRetention>
{
    public RunRetentionValidator(TimeProvider clock)
    {
        // Purging as of a future date would remove content the policy still keeps; a dry run may look ahead.
        RuleFor(c => c.AsOf).Must(asOf => asOf is null || asOf <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("The date must not be in the future: the policy still keeps that content today (a --dry-run may look ahead).")
            .When(c => !c.DryRun);
    }
}

/// <summary>
/// Finds the due cases, then purges each in its own transaction: a failure or a race leaves that case whole and the
/// others done. A case is re-read inside its transaction, so a hold placed or a reopening committed since the scan is
/// seen; one committed after the re-read bumps the case's version and this save loses the race.
/// </summary>
public sealed class RunRetentionHandler(EthicsDbContext db, TimeProvider clock) : ICommandHandler<RunRetention, RetentionRun>
{
    public async ValueTask<RetentionRun> Handle(RunRetention command, CancellationToken cancellationToken)
    {
        var policy = RetentionPolicy.Current;
        var asOf = command.AsOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var due = await DueAsync(policy, asOf, cancellationToken);
        var held = (await ActiveHoldsAsync(due.Select(d => d.Id).ToList(), cancellationToken)).ToHashSet();
        var purged = new List<string>();
        var skipped = new List<string>();
        if (!command.DryRun && db.Database.IsSqlite())
        {
            // A few narrative bits are stored plain until the purge tombstones them (an action's details): SQLite must
            // zero the space they leave rather than keep it as a free block in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", cancellationToken);
        }

        foreach (var candidate in due.Where(d => !held.Contains(d.Id)))
        {
            if (command.DryRun)
            {
                purged.Add(candidate.Reference);
                continue;
            }

            switch (await PurgeAsync(candidate, policy, asOf, cancellationToken))
            {
                case Outcome.Purged:
                    purged.Add(candidate.Reference);
                    break;
                case Outcome.Held:
                    held.Add(candidate.Id);
                    break;
                default:
                    skipped.Add(candidate.Reference);
                    break;
            }

            db.ChangeTracker.Clear();
        }

        if (purged.Count > 0 && !command.DryRun && db.Database.IsSqlite())
        {
            // The WAL keeps old page images after they are checkpointed; truncating it leaves no copy of purged pages behind.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }

        return new RetentionRun(asOf, policy.Version, purged,
            due.Where(d => held.Contains(d.Id)).Select(d => d.Reference).ToList(), skipped, command.DryRun);
    }

    private enum Outcome
    {
        Purged,
        Held,
        Changed,
    }

    private sealed record Candidate(Guid Id, string Reference, CaseOutcome Outcome, DateOnly RetainedUntil);

    private async Task<List<Candidate>> DueAsync(RetentionPolicy policy, DateOnly asOf, CancellationToken ct)
    {
        // The shortest period bounds the scan in SQL; each outcome's own period is applied here.
        var shortest = Enum.GetValues<CaseOutcome>().Min(policy.YearsAfterClosure);
        var closedBefore = asOf.AddYears(-shortest).AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var closed = await db.Cases.AsNoTracking()
            .Where(c => c.State == CaseState.Closed && c.ContentPurgedAt == null && c.Outcome != null && c.ClosedAt != null && c.ClosedAt < closedBefore)
            .Select(c => new { c.Id, c.Reference, c.Outcome, c.ClosedAt })
            .ToListAsync(ct);
        return closed
            .Select(c => new Candidate(c.Id, c.Reference, c.Outcome!.Value, policy.RetainedUntil(c.Outcome.Value, DateOnly.FromDateTime(c.ClosedAt!.Value))))
            .Where(c => asOf >= c.RetainedUntil)
            .OrderBy(c => c.RetainedUntil).ThenBy(c => c.Reference, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<List<Guid>> ActiveHoldsAsync(List<Guid> caseIds, CancellationToken ct)
    {
        var held = new List<Guid>();
        foreach (var chunk in caseIds.Chunk(500))
        {
            held.AddRange(await db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null && chunk.Contains(h.CaseId)).Select(h => h.CaseId).Distinct().ToListAsync(ct));
        }

        return held;
    }

    private async Task<Outcome> PurgeAsync(Candidate candidate, RetentionPolicy policy, DateOnly asOf, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ethicsCase = await db.Cases.Include(c => c.History).SingleAsync(c => c.Id == candidate.Id, ct);
        if (ethicsCase.State != CaseState.Closed || ethicsCase.ContentPurgedAt is not null || ethicsCase.Outcome != candidate.Outcome
            || ethicsCase.ClosedAt is not { } closedAt || policy.RetainedUntil(candidate.Outcome, DateOnly.FromDateTime(closedAt)) != candidate.RetainedUntil)
        {
            return Outcome.Changed;
        }

        if (await db.LegalHolds.AnyAsync(h => h.CaseId == ethicsCase.Id && h.ReleasedAt == null, ct))
        {
            return Outcome.Held;
        }

        var at = clock.GetUtcNow().UtcDateTime;
        var messages = await db.CaseMessages.Where(m => m.CaseId == ethicsCase.Id && m.PurgedAt == null).ToListAsync(ct);
        messages.ForEach(m => m.Purge(at));
        var documents = await db.EvidenceFiles.Where(f => f.CaseId == ethicsCase.Id && f.PurgedAt == null).ToListAsync(ct);
        documents.ForEach(f => f.Purge(at));
        var determinations = await db.Determinations.Where(d => d.CaseId == ethicsCase.Id && d.PurgedAt == null).ToListAsync(ct);
        determinations.ForEach(d => d.Purge(at));
        if (determinations.Count > 0)
        {
            // The actions' details are part of each determination's facts: the record now commits to the tombstoned facts.
            ethicsCase.Record(null, EthicsCase.ContentCommittedAction, at, data: JsonSerializer.Serialize(new
            {
                purge = true,
                determinations = determinations.ToDictionary(d => d.Id.ToString(), DeterminationRecord.PurgedFactsCommitment),
            }));
        }

        var holds = await db.LegalHolds.Where(h => h.CaseId == ethicsCase.Id && h.PurgedAt == null).ToListAsync(ct);
        holds.ForEach(h => h.Purge(at));
        var reasons = ethicsCase.History.Where(e => e.SealedReason is not null).ToList();
        reasons.ForEach(e => e.PurgeReason());
        // The report key and password hashes are the last link between an anonymous reporter and a case with nothing
        // left to read: they go with the content.
        var credentials = await db.AnonymousCredentials.Where(a => a.CaseId == ethicsCase.Id).ToListAsync(ct);
        db.AnonymousCredentials.RemoveRange(credentials);
        ethicsCase.PurgeContent(at);
        ethicsCase.Record(null, EthicsCase.ContentPurgedAction, at, data: JsonSerializer.Serialize(new
        {
            policyVersion = policy.Version,
            asOf = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            retainedUntil = candidate.RetainedUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            messages = messages.Count,
            documents = documents.Count,
            determinations = determinations.Count,
            reasons = reasons.Count,
            legalHolds = holds.Count,
            anonymousCredentials = credentials.Count,
        }));
        try
        {
            await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", ct);
        }
        catch (ConflictException)
        {
            return Outcome.Changed;
        }

        // Deleting the data key is what makes the case's old ciphertext (WAL, free pages, backups) unreadable for good.
        await db.DataKeys.Where(k => k.OwnerId == ethicsCase.Id).ExecuteDeleteAsync(ct);
        db.Vault.Forget(ethicsCase.Id);
        await transaction.CommitAsync(ct);
        return Outcome.Purged;
    }
}
