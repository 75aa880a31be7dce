using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Domain.Waivers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Waivers;

/// <summary>
/// Records an amendment of the code (a new revision of SOP II-031) and starts its four-business-day disclosure clock
/// on the adoption date (Form 8-K Item 5.05(a)).
/// </summary>
/// <param name="Revision">The revision label, e.g. <c>3.0</c>.</param>
/// <param name="Adopted">The adoption date.</param>
/// <param name="Summary">What changed.</param>
public sealed record RecordCodeAmendment(string Revision, DateOnly? Adopted, string Summary) : ICommand<AmendmentRow>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee, Role.Board];
}

/// <summary>One amendment and its disclosure, as the register shows it.</summary>
public sealed record AmendmentRow(Guid AmendmentId, string Revision, DateOnly Adopted, string Summary, DateOnly? DisclosureDue, DateOnly? Disclosed,
    bool? Late, string? Channel, string? Url, DateOnly? KeepPostedUntil, DateOnly? PostingRemovedOn, bool RemovedEarly,
    IReadOnlyList<DisclosureFinding> Findings)
{
    internal static AmendmentRow Of(CodeAmendment a, DateOnly today)
    {
        var d = a.Disclosure;
        return new AmendmentRow(a.Id, a.Revision, a.AdoptedOn, a.Summary, d.Due, d.DisclosedOn, d.LateAsOf(today),
            d.Channel is { } c ? DisclosureChannels.Name(c) : null, d.Url, d.KeepPostedUntil, d.PostingRemovedOn, d.RemovedEarly, d.Findings(today));
    }
}

/// <summary>Rules that need no database.</summary>
public sealed class RecordCodeAmendmentValidator : AbstractValidator<RecordCodeAmendment>
{
    /// <summary>Declares the rules.</summary>
    public RecordCodeAmendmentValidator(TimeProvider clock)
    {
        RuleFor(c => c.Revision).NotEmpty().WithMessage("The revision label is required (--revision).").MaximumLength(40);
        RuleFor(c => c.Adopted).NotNull().WithMessage("The adoption date is required (--adopted YYYY-MM-DD).")
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("An amendment cannot be adopted in the future.");
        RuleFor(c => c.Summary).NotEmpty().WithMessage("Summarise the amendment (--summary).").MaximumLength(4000);
    }
}

/// <summary>Stores the amendment and audits it.</summary>
public sealed class RecordCodeAmendmentHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<RecordCodeAmendment, AmendmentRow>
{
    /// <inheritdoc />
    public async ValueTask<AmendmentRow> Handle(RecordCodeAmendment command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var revision = command.Revision.Trim();
        if (await db.CodeAmendments.AnyAsync(a => a.Revision == revision, cancellationToken))
        {
            throw new ConflictException($"Revision {revision} is already recorded.");
        }

        var amendment = new CodeAmendment(Guid.NewGuid(), revision, command.Adopted!.Value, command.Summary, me, now, SecBusinessCalendar.Default);
        db.CodeAmendments.Add(amendment);
        await WaiverAudit.RecordAsync(db, me, "CodeAmendmentRecorded", now, new
        {
            amendmentId = amendment.Id,
            revision = amendment.Revision,
            adopted = amendment.AdoptedOn,
            disclosureDue = amendment.Disclosure.Due,
            calendarVersion = amendment.Disclosure.CalendarVersion,
            rule = DisclosureClock.RuleVersion,
            summarySha256 = TextHash.Of(amendment.Summary),
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Revision {revision}", cancellationToken);
        return AmendmentRow.Of(amendment, DateOnly.FromDateTime(now));
    }
}
