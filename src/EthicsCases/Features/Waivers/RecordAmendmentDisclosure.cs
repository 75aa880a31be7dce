using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Waivers;

/// <summary>Counsel records how and when an amendment of the code was disclosed (Form 8-K or website).</summary>
/// <param name="Amendment">The amendment's id or revision label.</param>
/// <param name="On">The filing or posting date.</param>
/// <param name="Channel"><c>8-K</c> or <c>website</c>.</param>
/// <param name="Url">The posting's address (required for the website), or the filing's.</param>
public sealed record RecordAmendmentDisclosure(string Amendment, DateOnly? On, string Channel, string? Url = null) : ICommand<AmendmentRow>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];
}

/// <summary>An amendment's website posting came down; a removal before twelve months is recorded with a warning.</summary>
/// <param name="Amendment">The amendment's id or revision label.</param>
/// <param name="On">The day it came down.</param>
public sealed record RecordAmendmentPostingRemoval(string Amendment, DateOnly? On) : ICommand<AmendmentRow>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];
}

/// <summary>The amendments of the code and their disclosure; anyone in the directory may read them (they are public).</summary>
public sealed record ListCodeAmendments : IQuery<IReadOnlyList<AmendmentRow>>, IActorRequest;

/// <summary>Rules that need no database.</summary>
public sealed class RecordAmendmentDisclosureValidator : AbstractValidator<RecordAmendmentDisclosure>
{
    /// <summary>Declares the rules.</summary>
    public RecordAmendmentDisclosureValidator(TimeProvider clock)
    {
        RuleFor(c => c.Amendment).NotEmpty();
        RuleFor(c => c.On).NotNull().WithMessage("The disclosure date is required (--on YYYY-MM-DD).")
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("A disclosure cannot be dated in the future.");
        RuleFor(c => c.Channel).Must(c => DisclosureChannels.Parse(c) is not null)
            .WithMessage(c => $"'{c.Channel}' is not a disclosure channel; use {DisclosureChannels.Allowed}.");
        RuleFor(c => c.Url).Must(DisclosureChannels.IsWebAddress).When(c => !string.IsNullOrWhiteSpace(c.Url))
            .WithMessage("The address must be an absolute http(s) URL.").MaximumLength(2000);
    }
}

/// <summary>Rules that need no database.</summary>
public sealed class RecordAmendmentPostingRemovalValidator : AbstractValidator<RecordAmendmentPostingRemoval>
{
    /// <summary>Declares the rules.</summary>
    public RecordAmendmentPostingRemovalValidator(TimeProvider clock)
    {
        RuleFor(c => c.Amendment).NotEmpty();
        RuleFor(c => c.On).NotNull().WithMessage("The removal date is required (--on YYYY-MM-DD).")
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("A removal cannot be dated in the future.");
    }
}

/// <summary>Records the disclosure and audits it.</summary>
public sealed class RecordAmendmentDisclosureHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock)
    : ICommandHandler<RecordAmendmentDisclosure, AmendmentRow>
{
    /// <inheritdoc />
    public async ValueTask<AmendmentRow> Handle(RecordAmendmentDisclosure command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var amendment = await AmendmentLookup.LoadAsync(db, command.Amendment, cancellationToken);
        amendment.RecordDisclosure(command.On!.Value, DisclosureChannels.Parse(command.Channel)!.Value, command.Url);
        await WaiverAudit.RecordAsync(db, me, "CodeAmendmentDisclosed", now, new
        {
            amendmentId = amendment.Id,
            revision = amendment.Revision,
            disclosedOn = amendment.Disclosure.DisclosedOn,
            channel = amendment.Disclosure.Channel,
            url = amendment.Disclosure.Url,
            disclosureDue = amendment.Disclosure.Due,
            late = amendment.Disclosure.Late,
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Revision {amendment.Revision}", cancellationToken);
        return AmendmentRow.Of(amendment, DateOnly.FromDateTime(now));
    }
}

/// <summary>Records the removal and audits it, with whether it came early.</summary>
public sealed class RecordAmendmentPostingRemovalHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock)
    : ICommandHandler<RecordAmendmentPostingRemoval, AmendmentRow>
{
    /// <inheritdoc />
    public async ValueTask<AmendmentRow> Handle(RecordAmendmentPostingRemoval command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var amendment = await AmendmentLookup.LoadAsync(db, command.Amendment, cancellationToken);
        amendment.RecordPostingRemoval(command.On!.Value);
        await WaiverAudit.RecordAsync(db, me, "CodeAmendmentPostingRemoved", now, new
        {
            amendmentId = amendment.Id,
            postedOn = amendment.Disclosure.DisclosedOn,
            removedOn = amendment.Disclosure.PostingRemovedOn,
            keepPostedUntil = amendment.Disclosure.KeepPostedUntil,
            removedEarly = amendment.Disclosure.RemovedEarly,
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Revision {amendment.Revision}", cancellationToken);
        return AmendmentRow.Of(amendment, DateOnly.FromDateTime(now));
    }
}

/// <summary>Reads the amendments, oldest adoption first.</summary>
public sealed class ListCodeAmendmentsHandler(EthicsDbContext db, TimeProvider clock) : IQueryHandler<ListCodeAmendments, IReadOnlyList<AmendmentRow>>
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AmendmentRow>> Handle(ListCodeAmendments query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var amendments = await db.CodeAmendments.AsNoTracking().OrderBy(a => a.AdoptedOn).ThenBy(a => a.RecordedAt).ToListAsync(cancellationToken);
        await db.OpenAllAsync(amendments, cancellationToken);
        return amendments.Select(a => AmendmentRow.Of(a, today)).ToList();
    }
}

/// <summary>Finds an amendment by id or revision label.</summary>
internal static class AmendmentLookup
{
    public static async Task<CodeAmendment> LoadAsync(EthicsDbContext db, string key, CancellationToken ct)
    {
        var trimmed = key.Trim();
        var amendment = Guid.TryParse(trimmed, out var id)
            ? await db.CodeAmendments.SingleOrDefaultAsync(a => a.Id == id, ct)
            : await db.CodeAmendments.SingleOrDefaultAsync(a => a.Revision == trimmed, ct);
        return await db.OpenAsync(amendment ?? throw new NotFoundException($"Amendment '{key}' was not found."), ct);
    }
}
