using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Messages;

/// <summary>
/// Writes in a case's thread. A reviewer writes a private note (reviewers only) or, with
/// <see cref="SharedWithReporter"/>, a message the reporter reads; the reporter's messages always go to the reviewers.
/// </summary>
public sealed record PostMessage(string CaseKey, string Text, bool SharedWithReporter) : ICommand<PostedMessage>, ICaseRequest;

public sealed class PostMessageValidator : AbstractValidator<PostMessage>
{
    public PostMessageValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(8000);
    }
}

/// <summary>Stores the message and appends its fingerprint to the case's audit chain in the same save.</summary>
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

        var message = ethicsCase.Post(me, command.Text, command.SharedWithReporter, fromReporter: !reviewer, clock.GetUtcNow().UtcDateTime);
        db.CaseMessages.Add(message);
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new PostedMessage(message.Id, message.SharedWithReporter);
    }
}
