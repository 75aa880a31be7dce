using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Features.Waivers;

/// <summary>
/// The Item 5.05 disclosure of a granted waiver, drafted for counsel to edit: the Form 8-K text or the website
/// posting, as text and, when asked, as a PDF. A command, not a query: every draft is audited.
/// </summary>
/// <param name="WaiverId">The waiver.</param>
/// <param name="Variant"><c>8-K</c> (default) or <c>website</c>.</param>
/// <param name="Pdf">Render the PDF too.</param>
public sealed record GetWaiverDisclosureDraft(Guid WaiverId, string Variant = "8-K", bool Pdf = false) : ICommand<WaiverDraft>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee, Role.Board];
}

/// <summary>The draft: its text, and its PDF when asked for.</summary>
public sealed record WaiverDraft(Guid WaiverId, string Variant, string Title, string Text, string FileName, byte[]? Pdf);

/// <summary>Rules that need no database.</summary>
public sealed class GetWaiverDisclosureDraftValidator : AbstractValidator<GetWaiverDisclosureDraft>
{
    /// <summary>Declares the rules.</summary>
    public GetWaiverDisclosureDraftValidator()
    {
        RuleFor(c => c.Variant).Must(v => DisclosureChannels.Parse(v) is not null)
            .WithMessage(c => $"'{c.Variant}' is not a draft variant; use {DisclosureChannels.Allowed}.");
    }
}

/// <summary>Gathers the facts, composes the draft, renders it and audits the fetch.</summary>
public sealed class GetWaiverDisclosureDraftHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock, IConfiguration configuration)
    : ICommandHandler<GetWaiverDisclosureDraft, WaiverDraft>
{
    /// <inheritdoc />
    public async ValueTask<WaiverDraft> Handle(GetWaiverDisclosureDraft command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = WaiverSettings.From(configuration);
        var waiver = await WaiverAccess.LoadForReviewAsync(db, command.WaiverId, me, cancellationToken);
        if (!waiver.WasGranted)
        {
            throw new ConflictException($"Waiver {waiver.Id} is {waiver.State}: only a granted waiver is disclosed.");
        }

        var variant = DisclosureChannels.Parse(command.Variant) == DisclosureChannel.Website ? DraftVariant.Website : DraftVariant.Form8K;
        var facts = new WaiverDraftFacts(settings.CompanyName, waiver.Person!.Name, waiver.Person.Title, waiver.Provision, waiver.Reason,
            waiver.DecidedOn!.Value, waiver.IsImplicit, await GrantedByAsync(waiver, cancellationToken), waiver.Disclosure.Due!.Value,
            waiver.Disclosure.Channel == DisclosureChannel.Website ? waiver.Disclosure.DisclosedOn : null, waiver.Rationale);
        var draft = WaiverDisclosureDraft.Compose(facts, variant);
        var pdf = command.Pdf
            ? DraftPdf.Render(draft, $"{settings.CompanyName} General Counsel", $"{settings.CompanyName}  |  Draft for counsel  |  Waiver {waiver.Id:N}")
            : null;

        await WaiverAudit.RecordAsync(db, me, "WaiverDraftGenerated", now, new
        {
            waiverId = waiver.Id,
            variant,
            pdf = command.Pdf,
            textSha256 = TextHash.Of(draft.Text),
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Waiver {waiver.Id}", cancellationToken);
        var name = variant == DraftVariant.Form8K ? "8-k-item-5.05" : "website";
        return new WaiverDraft(waiver.Id, DisclosureChannels.Name(DisclosureChannels.Parse(command.Variant)!.Value), draft.Title, draft.Text,
            $"waiver-{waiver.DecidedOn:yyyy-MM-dd}-{name}.{(command.Pdf ? "pdf" : "txt")}", pdf);
    }

    private async Task<string> GrantedByAsync(Waiver waiver, CancellationToken ct)
    {
        switch (waiver.DecidedAs)
        {
            case WaiverDecisionBasis.Designee:
                var designation = await db.BoardDesignations.AsNoTracking().Include(d => d.Designee)
                    .SingleAsync(d => d.Id == waiver.DesignationId, ct);
                var designee = designation.Body == DesigneeBody.AuditCommittee
                    ? "the Audit Committee of its Board of Directors"
                    : designation.Designee!.Name + (designation.Designee.Title is { } title ? $", its {title}" : "");
                return $"{designee}, designated by the Board of Directors on {DisclosureClock.LongDate(designation.ResolutionDate)}";
            case WaiverDecisionBasis.ImplicitWaiver:
                return "the General Counsel's confirmation of an implicit waiver";
            default:
                return "its Board of Directors";
        }
    }
}
