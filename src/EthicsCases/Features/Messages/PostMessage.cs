using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Notifications;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Messages;

/// <summary>
/// Writes in a case's thread. A reviewer writes a private note (reviewers only) or, with
/// <see cref="SharedWithReporter"/>, a message the reporter reads; the reporter's messages always go to the reviewers.
/// <see cref="Feedback"/> marks a reviewer's shared message as the feedback the reporter is owed (the Feedback clock).
/// </summary>
public sealed record PostMessage(string CaseKey, string Text, bool SharedWithReporter, bool Feedback = false) : ICommand<PostedMessage>, ICaseRequest;

public sealed class PostMessageValidator : AbstractValidator<PostMessage>
{
    public PostMessageValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(8000);
        RuleFor(c => c.Feedback).Equal(false).When(c => !c.SharedWithReporter)
            .WithMessage("Only a message shared with the reporter can be marked as feedback.");
    }
}

/// <summary>
/// Stores the message and appends its fingerprint to the case's audit chain in the same save; a reporter's message
/// queues a notification to the case's reviewers in that save too.
/// </summary>
public sealed class PostMessageHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<PostMessage, PostedMessage>
{
    public async ValueTask<PostedMessage> Handle(PostMessage command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var ethicsCase = await CaseLookup.LoadVisibleAsync(db, command.CaseKey, me, cancellationToken);
        var reviewer = CaseAccess.IsReviewer(ethicsCase, me);
        if (!reviewer && !ethicsCase.IsReporter(me))
        {
            throw new ForbiddenException("Only the reporter and the case's reviewers write in its thread.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var message = ethicsCase.Post(me, command.Text, command.SharedWithReporter, fromReporter: !reviewer, now, command.Feedback);
        db.CaseMessages.Add(message);
        if (message.FromReporter)
        {
            db.Notifications.AddRange(Notifier.ReporterMessage(ethicsCase, await NotificationPeople.ReviewersAsync(db, cancellationToken), now, me));
        }

        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new PostedMessage(message.Id, message.SharedWithReporter);
    }
}
