using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Common;
using EthicsCases.Domain.Oversight;
using EthicsCases.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Anonymous;

/// <summary>The anonymous reporter checks progress and reads the messages shared with them.</summary>
public sealed record CheckAnonymousReport(string ReportKey, string Password) : IQuery<AnonymousReportStatus>, IAnonymousCredentialRequest;

/// <summary>
/// What the anonymous reporter may see: progress, shared messages and their Acknowledge and Feedback clocks, never
/// reviewers' names or notes.
/// </summary>
public sealed record AnonymousReportStatus(string Reference, ConcernCategory Category, CaseState State, CaseOutcome? Outcome,
    DateTime FiledAt, DateTime UpdatedAt, IReadOnlyList<ThreadMessage> Messages, IReadOnlyList<CaseDeadline> Deadlines);

/// <summary>Rules for a credential.</summary>
public sealed class CheckAnonymousReportValidator : AbstractValidator<CheckAnonymousReport>
{
    public CheckAnonymousReportValidator()
    {
        RuleFor(c => c.ReportKey).NotEmpty().MaximumLength(IAnonymousCredentialRequest.MaxKeyLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(IAnonymousCredentialRequest.MaxPasswordLength);
    }
}

/// <summary>Answers the status of the case whose credential the authorization behaviour verified.</summary>
public sealed class CheckAnonymousReportHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : IQueryHandler<CheckAnonymousReport, AnonymousReportStatus>
{
    public async ValueTask<AnonymousReportStatus> Handle(CheckAnonymousReport query, CancellationToken cancellationToken)
    {
        var caseId = actor.AnonymousCase;
        var c = await db.Cases.AsNoTracking().IgnoreAutoIncludes().SingleAsync(x => x.Id == caseId, cancellationToken);
        var messages = await CaseThread.ReadAsync(db, caseId, reviewer: false, cancellationToken);
        var deadlines = await CaseDeadlines.ForCaseAsync(db, caseId, DeadlineCalculator.Default, clock.GetUtcNow(), cancellationToken);
        return new AnonymousReportStatus(c.Reference, c.Category, c.State, c.Outcome, c.FiledAt, c.UpdatedAt, messages,
            CaseDeadlines.ForReporter(deadlines));
    }
}

/// <summary>Credential checks shared by the anonymous use cases.</summary>
public static class AnonymousAccess
{
    /// <summary>
    /// The case id for a valid key and password; one "not found" for every failure so nothing leaks. A credential
    /// still hashed with PBKDF2 (before ADR-010) is re-hashed with HMAC once its password is proven.
    /// </summary>
    public static async Task<Guid> VerifyAsync(EthicsDbContext db, AnonymousPasswordHasher hasher, string key, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hasher);
        var keyHash = AnonymousSecrets.HashKey(key);
        var credential = await db.AnonymousCredentials.SingleOrDefaultAsync(a => a.KeyHash == keyHash, ct);
        if (credential is null)
        {
            hasher.BurnEquivalentTime(password);
            throw new NotFoundException("No report matches this report key and password.");
        }

        if (!hasher.Verify(credential, password))
        {
            throw new NotFoundException("No report matches this report key and password.");
        }

        if (credential.Scheme != AnonymousCredential.HmacScheme)
        {
            var (hash, salt) = hasher.Hash(password);
            credential.Rehash(hash, salt, AnonymousCredential.HmacScheme);
            await db.SaveOrConflictAsync("The anonymous report's credential", ct);
        }

        return credential.CaseId;
    }
}
