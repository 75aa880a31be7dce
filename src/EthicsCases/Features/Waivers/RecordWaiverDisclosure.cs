using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Waivers;

/// <summary>
/// Counsel records how and when a granted waiver was disclosed: on Form 8-K, or on the website (with its address).
/// The answer says whether that was on time.
/// </summary>
/// <param name="WaiverId">The waiver.</param>
/// <param name="On">The filing or posting date.</param>
/// <param name="Channel"><c>8-K</c> or <c>website</c>.</param>
/// <param name="Url">The posting's address (required for the website), or the filing's.</param>
public sealed record RecordWaiverDisclosure(Guid WaiverId, DateOnly? On, string Channel, string? Url = null)
    : ICommand<WaiverDisclosure>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];
}

/// <summary>
/// A website posting came down. Item 5.05(c) wants it up for at least twelve months; an earlier removal is recorded
/// all the same, with a warning.
/// </summary>
/// <param name="WaiverId">The waiver.</param>
/// <param name="On">The day it came down.</param>
public sealed record RecordWaiverPostingRemoval(Guid WaiverId, DateOnly? On) : ICommand<WaiverDisclosure>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];
}

/// <summary>
/// The disclosure as recorded. <see cref="Warning"/> is set when the posting came down before twelve months.
/// </summary>
public sealed record WaiverDisclosure(Guid WaiverId, WaiverState State, DateOnly? DisclosureDue, DateOnly? DisclosedOn, string? Channel,
    string? Url, bool? Late, DateOnly? KeepPostedUntil, DateOnly? PostingRemovedOn, bool RemovedEarly, string? Warning)
{
    internal static WaiverDisclosure Of(Waiver w)
    {
        var d = w.Disclosure;
        return new WaiverDisclosure(w.Id, w.State, d.Due, d.DisclosedOn, d.Channel is { } c ? DisclosureChannels.Name(c) : null, d.Url, d.Late,
            d.KeepPostedUntil, d.PostingRemovedOn, d.RemovedEarly,
            d.RemovedEarly ? d.Findings(d.PostingRemovedOn!.Value).Single(f => f.Code == "PostingRemovedEarly").Message : null);
    }
}

/// <summary>Rules that need no database.</summary>
public sealed class RecordWaiverDisclosureValidator : AbstractValidator<RecordWaiverDisclosure>
{
    /// <summary>Declares the rules.</summary>
    public RecordWaiverDisclosureValidator(TimeProvider clock)
    {
        RuleFor(c => c.On).NotNull().WithMessage("The disclosure date is required (--on YYYY-MM-DD).")
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("A disclosure cannot be dated in the future.");
        RuleFor(c => c.Channel).Must(c => DisclosureChannels.Parse(c) is not null)
            .WithMessage(c => $"'{c.Channel}' is not a disclosure channel; use {DisclosureChannels.Allowed}.");
        RuleFor(c => c.Url).Must(DisclosureChannels.IsWebAddress).When(c => !string.IsNullOrWhiteSpace(c.Url))
            .WithMessage("The address must be an absolute http(s) URL.").MaximumLength(2000);
        RuleFor(c => c.Url).NotEmpty().When(c => DisclosureChannels.Parse(c.Channel) == DisclosureChannel.Website)
            .WithMessage("A website disclosure needs the posting's address (--url https://...).");
    }
}

/// <summary>Rules that need no database.</summary>
public sealed class RecordWaiverPostingRemovalValidator : AbstractValidator<RecordWaiverPostingRemoval>
{
    /// <summary>Declares the rules.</summary>
    public RecordWaiverPostingRemovalValidator(TimeProvider clock)
    {
        RuleFor(c => c.On).NotNull().WithMessage("The removal date is required (--on YYYY-MM-DD).")
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("A removal cannot be dated in the future.");
    }
}

/// <summary>Records the disclosure and audits it.</summary>
public sealed class RecordWaiverDisclosureHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock)
    : ICommandHandler<RecordWaiverDisclosure, WaiverDisclosure>
{
    /// <inheritdoc />
    public async ValueTask<WaiverDisclosure> Handle(RecordWaiverDisclosure command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var waiver = await WaiverAccess.LoadForReviewAsync(db, command.WaiverId, me, cancellationToken);
        waiver.RecordDisclosure(command.On!.Value, DisclosureChannels.Parse(command.Channel)!.Value, command.Url);
        await WaiverAudit.RecordAsync(db, me, "WaiverDisclosed", now, new
        {
            waiverId = waiver.Id,
            state = waiver.State,
            disclosedOn = waiver.Disclosure.DisclosedOn,
            channel = waiver.Disclosure.Channel,
            url = waiver.Disclosure.Url,
            disclosureDue = waiver.Disclosure.Due,
            late = waiver.Disclosure.Late,
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Waiver {waiver.Id}", cancellationToken);
        return WaiverDisclosure.Of(waiver);
    }
}

/// <summary>Records the removal and audits it, with whether it came early.</summary>
public sealed class RecordWaiverPostingRemovalHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock)
    : ICommandHandler<RecordWaiverPostingRemoval, WaiverDisclosure>
{
    /// <inheritdoc />
    public async ValueTask<WaiverDisclosure> Handle(RecordWaiverPostingRemoval command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var waiver = await WaiverAccess.LoadForReviewAsync(db, command.WaiverId, me, cancellationToken);
        waiver.RecordPostingRemoval(command.On!.Value);
        await WaiverAudit.RecordAsync(db, me, "WaiverPostingRemoved", now, new
        {
            waiverId = waiver.Id,
            postedOn = waiver.Disclosure.DisclosedOn,
            removedOn = waiver.Disclosure.PostingRemovedOn,
            keepPostedUntil = waiver.Disclosure.KeepPostedUntil,
            removedEarly = waiver.Disclosure.RemovedEarly,
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Waiver {waiver.Id}", cancellationToken);
        return WaiverDisclosure.Of(waiver);
    }
}
