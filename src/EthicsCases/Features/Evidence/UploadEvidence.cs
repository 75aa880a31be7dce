using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Evidence;

/// <summary>A reviewer, or the reporter of their own report, attaches a document to a case.</summary>
public sealed record UploadEvidence(string CaseKey, string FileName, byte[] Content) : ICommand<UploadedEvidence>, ICaseRequest;

/// <summary>The stored file.</summary>
public sealed record UploadedEvidence(Guid EvidenceId, string FileName, string ContentType, long Length, string Sha256);

/// <summary>Type allow-list and size limit (<see cref="EvidencePolicy"/>).</summary>
public sealed class UploadEvidenceValidator : AbstractValidator<UploadEvidence>
{
    public UploadEvidenceValidator()
    {
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(255);
        RuleFor(c => c.Content).NotNull().Custom((content, context) =>
        {
            var (_, error) = EvidencePolicy.Check(context.InstanceToValidate.FileName, content);
            if (error is not null)
            {
                context.AddFailure("file", error);
            }
        });
    }
}

/// <summary>Stores the file and records its hash in the case's audit chain in the same save.</summary>
public sealed class UploadEvidenceHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<UploadEvidence, UploadedEvidence>
{
    public async ValueTask<UploadedEvidence> Handle(UploadEvidence command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var ethicsCase = await CaseLookup.LoadVisibleAsync(db, command.CaseKey, me, cancellationToken);
        if (!CaseAccess.IsReviewer(ethicsCase, me) && !ethicsCase.IsReporter(me))
        {
            throw new ForbiddenException("Only the case's reviewers and its reporter attach evidence.");
        }

        ethicsCase.EnsureNotPurged();
        var name = EvidencePolicy.SafeName(command.FileName);
        var contentType = EvidencePolicy.Check(name, command.Content).ContentType!;
        var file = ethicsCase.Attach(me, name, contentType, command.Content, clock.GetUtcNow().UtcDateTime);
        db.EvidenceFiles.Add(file);
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new UploadedEvidence(file.Id, name, contentType, file.Length, file.Sha256);
    }
}
