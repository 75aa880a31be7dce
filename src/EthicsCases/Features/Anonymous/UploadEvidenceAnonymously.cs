using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Evidence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Anonymous;

/// <summary>
/// The anonymous reporter attaches a document to their report, proving the report key and password again; the same
/// type allow-list and size limit as every upload (<see cref="EvidencePolicy"/>).
/// </summary>
public sealed record UploadEvidenceAnonymously(string ReportKey, string Password, string FileName, byte[] Content)
    : ICommand<UploadedEvidence>, IAnonymousCredentialRequest;

/// <summary>Rules for the credential and the file.</summary>
public sealed class UploadEvidenceAnonymouslyValidator : AbstractValidator<UploadEvidenceAnonymously>
{
    public UploadEvidenceAnonymouslyValidator()
    {
        RuleFor(c => c.ReportKey).NotEmpty().MaximumLength(IAnonymousCredentialRequest.MaxKeyLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(IAnonymousCredentialRequest.MaxPasswordLength);
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

/// <summary>Stores the file with no uploader (the reporter is anonymous) and records its hash in the case's chain.</summary>
public sealed class UploadEvidenceAnonymouslyHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<UploadEvidenceAnonymously, UploadedEvidence>
{
    public async ValueTask<UploadedEvidence> Handle(UploadEvidenceAnonymously command, CancellationToken cancellationToken)
    {
        var caseId = actor.AnonymousCase;
        var ethicsCase = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        var name = EvidencePolicy.SafeName(command.FileName);
        var contentType = EvidencePolicy.Check(name, command.Content).ContentType!;
        var file = ethicsCase.Attach(null, name, contentType, command.Content, clock.GetUtcNow().UtcDateTime);
        db.EvidenceFiles.Add(file);
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        return new UploadedEvidence(file.Id, name, contentType, file.Length, file.Sha256);
    }
}
