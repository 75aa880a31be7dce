using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Notifications;
using EthicsCases.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Anonymous;

/// <summary>The anonymous reporter writes to the reviewers, proving the report key and password again.</summary>
public sealed record ReplyAnonymously(string ReportKey, string Password, string Text) : ICommand<PostedMessage>, IAnonymousCredentialRequest;

/// <summary>Rules for a reply.</summary>
public sealed class ReplyAnonymouslyValidator : AbstractValidator<ReplyAnonymously>
{
    public ReplyAnonymouslyValidator()
    {
        RuleFor(c => c.ReportKey).NotEmpty().MaximumLength(IAnonymousCredentialRequest.MaxKeyLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(IAnonymousCredentialRequest.MaxPasswordLength);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(8000);
    }
}

/// <summary>Stores the message (author unknown), audits it as the anonymous reporter and tells the case's reviewers.</summary>
public sealed class ReplyAnonymouslyHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<ReplyAnonymously, PostedMessage>
{
    public async ValueTask<PostedMessage> Handle(ReplyAnonymously command, CancellationToken cancellationToken)
    {
        var caseId = actor.AnonymousCase;
        var ethicsCase = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = ethicsCase.Post(null, command.Text, sharedWithReporter: true, fromReporter: true, now);
        db.CaseMessages.Add(message);
        db.Notifications.AddRange(Notifier.ReporterMessage(ethicsCase, await NotificationPeople.ReviewersAsync(db, cancellationToken), now));
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new PostedMessage(message.Id, true);
    }
}
