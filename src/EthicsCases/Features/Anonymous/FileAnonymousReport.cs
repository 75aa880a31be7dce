using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Notifications;
using EthicsCases.Security;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Anonymous;

/// <summary>
/// Files a report without signing in (Exchange Act Rule 10A-3). The case has no reporter; the reporter comes back
/// with the report key and password returned here, which are shown once and stored only as hashes.
/// </summary>
public sealed record FileAnonymousReport(string Category, string Summary, string? Details, IReadOnlyList<string> SubjectEmails, DateOnly? IncidentDate = null)
    : ICommand<AnonymousReceipt>, IConcernContent, IPublicRequest;

/// <summary>What the anonymous reporter must keep: the only copy of the key and the password.</summary>
public sealed record AnonymousReceipt(string Reference, string ReportKey, string Password, CaseState State);

/// <summary>Same rules as a signed-in concern.</summary>
public sealed class FileAnonymousReportValidator : AbstractValidator<FileAnonymousReport>
{
    public FileAnonymousReportValidator() => Include(new ConcernContentRules());
}

/// <summary>
/// Files through the same routing as every concern, then stores the credential hashes and the reviewers'
/// notifications in the same save. Nobody is written to about the reporter: there is no address to write to.
/// </summary>
public sealed class FileAnonymousReportHandler(EthicsDbContext db, AnonymousPasswordHasher hasher, TimeProvider clock) : ICommandHandler<FileAnonymousReport, AnonymousReceipt>
{
    public async ValueTask<AnonymousReceipt> Handle(FileAnonymousReport command, CancellationToken cancellationToken)
    {
        var subjects = await PeopleLookup.ResolveAsync(db, command.SubjectEmails, "subjectEmails", cancellationToken);
        var category = EnumNames.Parse<ConcernCategory>(command.Category);
        // Reads and the (deliberately slow) password hash first: the transaction holds SQLite's one writer.
        var generalCounsels = await CaseIntake.GeneralCounselsAsync(db, cancellationToken);
        var reviewers = await NotificationPeople.ReviewersAsync(db, cancellationToken);
        var key = AnonymousSecrets.NewKey();
        var password = AnonymousSecrets.NewPassword();
        var (hash, salt) = hasher.Hash(password);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var ethicsCase = await CaseIntake.FileAsync(db, now, category, command.Summary,
            command.Details, null, subjects, cancellationToken, EthicsCase.AnonymousReporter, command.IncidentDate, generalCounsels);
        db.Notifications.AddRange(Notifier.CaseRouted(ethicsCase, reviewers, now));

        db.AnonymousCredentials.Add(new AnonymousCredential(ethicsCase.Id, AnonymousSecrets.HashKey(key), hash, salt, AnonymousCredential.HmacScheme));
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AnonymousReceipt(ethicsCase.Reference, key, password, ethicsCase.State);
    }
}
