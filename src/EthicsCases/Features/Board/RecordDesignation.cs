using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Waivers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Board;

/// <summary>
/// The Board chair records a Board resolution designating a person, or the Audit Committee as a body, to decide
/// determinations, waivers or both, from one date through another (inclusive).
/// </summary>
/// <param name="Person">The designee's e-mail; null when <paramref name="AuditCommittee"/> is set.</param>
/// <param name="AuditCommittee">Designate the Audit Committee as a body.</param>
/// <param name="Matters"><c>determinations</c>, <c>waivers</c> or <c>both</c>.</param>
/// <param name="From">First day in force.</param>
/// <param name="To">Last day in force.</param>
/// <param name="Resolution">The date of the Board's resolution.</param>
public sealed record RecordDesignation(string? Person, bool AuditCommittee, IReadOnlyList<string> Matters, DateOnly? From, DateOnly? To,
    DateOnly? Resolution) : ICommand<DesignationRow>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.BoardChair];
}

/// <summary>One designation as the Board's record shows it; <see cref="InForce"/> is as of today.</summary>
public sealed record DesignationRow(Guid DesignationId, string? Person, string? PersonName, string? Body, IReadOnlyList<string> Matters,
    DateOnly From, DateOnly To, DateOnly Resolution, bool InForce, string RecordedBy)
{
    internal static DesignationRow Of(BoardDesignation d, Person? designee, string recordedBy, DateOnly today) =>
        new(d.Id, designee?.Email, designee?.Name, d.Body is { } b ? b.ToString() : null, d.Matters.Select(Designations.Name).ToList(),
            d.From, d.To, d.ResolutionDate, d.InForceOn(today), recordedBy);
}

/// <summary>Rules that need no database.</summary>
public sealed class RecordDesignationValidator : AbstractValidator<RecordDesignation>
{
    /// <summary>Declares the rules.</summary>
    public RecordDesignationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Person).NotEmpty().When(c => !c.AuditCommittee)
            .WithMessage("Name the designee (--person EMAIL) or designate the Audit Committee (--audit-committee).");
        RuleFor(c => c.Person).Empty().When(c => c.AuditCommittee)
            .WithMessage("Designate either a person or the Audit Committee, not both.");
        RuleFor(c => c.Matters).NotEmpty().WithMessage("Name the matters (--matters determinations|waivers|both).");
        RuleFor(c => c.From).NotNull().WithMessage("The first day in force is required (--from YYYY-MM-DD).");
        RuleFor(c => c.To).NotNull().WithMessage("The last day in force is required (--to YYYY-MM-DD).");
        RuleFor(c => c.Resolution).NotNull().WithMessage("The Board resolution date is required (--resolution YYYY-MM-DD).")
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("The Board cannot have resolved it in the future.");
    }
}

/// <summary>Stores the designation and audits it.</summary>
public sealed class RecordDesignationHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<RecordDesignation, DesignationRow>
{
    /// <inheritdoc />
    public async ValueTask<DesignationRow> Handle(RecordDesignation command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var designee = command.AuditCommittee ? null : (await PeopleLookup.ResolveAsync(db, [command.Person!], "person", cancellationToken))[0];
        var designation = new BoardDesignation(Guid.NewGuid(), designee, command.AuditCommittee ? DesigneeBody.AuditCommittee : null,
            Designations.ParseMatters(command.Matters), command.From!.Value, command.To!.Value, command.Resolution!.Value, me, now);
        db.BoardDesignations.Add(designation);
        await WaiverAudit.RecordAsync(db, me, "DesignationRecorded", now, new
        {
            designationId = designation.Id,
            designeeId = designation.DesigneeId,
            body = designation.Body,
            matters = designation.Matters,
            from = designation.From,
            to = designation.To,
            resolution = designation.ResolutionDate,
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Designation {designation.Id}", cancellationToken);
        return DesignationRow.Of(designation, designee, me.Email, DateOnly.FromDateTime(now));
    }
}

/// <summary>Reads designations for the features that rely on them.</summary>
public static class DesignationLookup
{
    /// <summary>The designations that cover the matter on the date (for <see cref="Designations.Authority"/>).</summary>
    public static async Task<IReadOnlyList<BoardDesignation>> InForceAsync(EthicsDbContext db, DesignatedMatter matter, DateOnly on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var working = await db.BoardDesignations.AsNoTracking().Where(d => d.From <= on && d.To >= on).ToListAsync(ct);
        return Designations.InForce(working, matter, on);
    }
}
