using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Retention;

/// <summary>
/// A reviewer of the case permanently replaces a passage of the reporter's account (<see cref="Target"/>
/// <c>"details"</c>) or of a message (its id) with "[redacted]", with a reason (<c>ethics case redact</c>). The
/// record shows that a redaction happened, who made it and why, and the hashes before and after; never the passage.
/// </summary>
public sealed record RedactContent(string CaseKey, string Target, string Passage, string Reason) : ICommand<ContentRedacted>, ICaseRequest, IRoleRequest
{
    /// <summary>The target naming the reporter's account.</summary>
    public const string Details = "details";

    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee, Role.Board];
}

/// <summary>What was redacted: the target, and the SHA-256 of the text after (the record holds both hashes).</summary>
public sealed record ContentRedacted(Guid CaseId, string Reference, string Target, Guid? MessageId, string AfterSha256, long EventSeq);

public sealed class RedactContentValidator : AbstractValidator<RedactContent>
{
    public RedactContentValidator()
    {
        RuleFor(c => c.Target).NotEmpty()
            .Must(t => t == RedactContent.Details || Guid.TryParse(t, out _))
            .WithMessage("Redact either \"details\" (the reporter's account) or a message, named by its id.");
        RuleFor(c => c.Passage).NotEmpty().WithMessage("Give the passage to redact, exactly as it appears.").MaximumLength(8000);
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the passage is redacted.").MaximumLength(4000);
    }
}

public sealed class RedactContentHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<RedactContent, ContentRedacted>
{
    public async ValueTask<ContentRedacted> Handle(RedactContent command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var ethicsCase = await CaseLookup.LoadVisibleAsync(db, command.CaseKey, me, cancellationToken);
        if (!CaseAccess.IsReviewer(ethicsCase, me))
        {
            throw new ForbiddenException("Only the case's reviewers redact its content.");
        }

        ethicsCase.EnsureNotPurged();

        var now = clock.GetUtcNow().UtcDateTime;
        Guid? messageId = null;
        string after;
        AuditEvent recorded;
        if (command.Target == RedactContent.Details)
        {
            await db.OpenAsync(ethicsCase, cancellationToken);
            recorded = ethicsCase.RedactDetails(me, command.Passage, command.Reason.Trim(), now);
            after = ContentHash.Of(ethicsCase.Details!);
        }
        else
        {
            var id = Guid.Parse(command.Target);
            var message = await db.CaseMessages.SingleOrDefaultAsync(m => m.Id == id && m.CaseId == ethicsCase.Id, cancellationToken)
                ?? throw new NotFoundException($"Case {ethicsCase.Reference} has no message {id}.");
            await db.OpenAsync(message, cancellationToken);
            recorded = ethicsCase.RedactMessage(me, message, command.Passage, command.Reason.Trim(), now);
            messageId = message.Id;
            after = ContentHash.Of(message.Text);
        }

        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new ContentRedacted(ethicsCase.Id, ethicsCase.Reference, command.Target, messageId, after, recorded.Seq);
    }
}
