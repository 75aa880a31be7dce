using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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

/// <summary>The stored message.</summary>
public sealed record PostedMessage(Guid MessageId, bool SharedWithReporter);

/// <summary>Rules for a message.</summary>
public sealed class PostMessageValidator : AbstractValidator<PostMessage>
{
    /// <summary>Declares the rules.</summary>
    public PostMessageValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(8000);
    }
}

/// <summary>Stores the message and appends its fingerprint to the case's audit chain in the same save.</summary>
public sealed class PostMessageHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<PostMessage, PostedMessage>
{
    /// <inheritdoc />
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
        var message = new CaseMessage(Guid.NewGuid(), ethicsCase.Id, me, me.Name, command.Text,
            sharedWithReporter: command.SharedWithReporter, fromReporter: !reviewer, now);
        db.CaseMessages.Add(message);
        CaseThread.Audit(ethicsCase, me, message, now);
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new PostedMessage(message.Id, message.SharedWithReporter);
    }
}

/// <summary>Audit helpers shared by the signed-in and the anonymous thread.</summary>
public static class CaseThread
{
    /// <summary>Label used for the anonymous reporter in the thread and the audit trail.</summary>
    public const string AnonymousReporter = "anonymous reporter";

    /// <summary>Records who wrote what kind of message, with a hash of the text (the text itself stays in the thread).</summary>
    public static void Audit(EthicsCase ethicsCase, Person? author, CaseMessage message, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(ethicsCase);
        ArgumentNullException.ThrowIfNull(message);
        var action = message.FromReporter ? "ReporterMessage" : message.SharedWithReporter ? "MessageToReporter" : "NoteAdded";
        ethicsCase.Record(author, action, at, actorLabel: AnonymousReporter, data: JsonSerializer.Serialize(new
        {
            messageId = message.Id,
            sharedWithReporter = message.SharedWithReporter,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.Text))),
        }));
    }
}
