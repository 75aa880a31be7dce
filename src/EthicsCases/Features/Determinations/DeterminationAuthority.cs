using System.Globalization;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Waivers;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Determinations;

/// <summary>Who decided a determination, in words for the case page, the notice and <c>case show --json</c>.</summary>
/// <param name="Capacity">The Board or a designee.</param>
/// <param name="DesignationId">The designation relied on.</param>
/// <param name="DesigneeName">The designated person's name; null for the Board or a designated body.</param>
/// <param name="DesigneeEmail">The designated person's e-mail.</param>
/// <param name="ResolutionDate">The date of the Board resolution that made the designation.</param>
/// <param name="Statement">"Decided by the Board's designee X under the resolution of D", or "Decided by the Board of Directors".</param>
public sealed record DecidedBy(DecisionCapacity Capacity, Guid? DesignationId, string? DesigneeName, string? DesigneeEmail, DateOnly? ResolutionDate,
    string Statement);

/// <summary>
/// Who may record the Board's determination on a date, on the same designations the waiver decisions use
/// (<see cref="Designations.Authority"/>): a Board member as the Board; a designee under a designation for determinations
/// in force that day; otherwise an Audit Committee member records the Board's decision, as before designations existed.
/// Recusal is the case's: a subject never sees the case, so never gets this far.
/// </summary>
public static class DeterminationAuthority
{
    /// <summary>The footing on which the person records a determination dated <paramref name="on"/>; null when they may not.</summary>
    public static async Task<DecisionAuthority?> OfAsync(EthicsDbContext db, Person person, DateOnly on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        var authority = Designations.Authority(person, DesignatedMatter.Determinations, on, await WaiverAccess.DesignationsOnAsync(db, on, ct));
        return authority ?? (person.Has(Role.AuditCommittee) ? DecisionAuthority.AsBoard : null);
    }

    /// <summary>Says who decided; null for determinations recorded before designations existed.</summary>
    public static async Task<DecidedBy?> DescribeAsync(EthicsDbContext db, Determination determination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(determination);
        switch (determination.DecidedAs)
        {
            case null:
                return null;
            case DecisionCapacity.Board:
                return new DecidedBy(DecisionCapacity.Board, null, null, null, null, "Decided by the Board of Directors.");
        }

        var designation = determination.DesignationId is { } id
            ? await db.BoardDesignations.AsNoTracking().Include(d => d.Designee).SingleOrDefaultAsync(d => d.Id == id, ct)
            : null;
        if (designation is null)
        {
            return new DecidedBy(DecisionCapacity.Designee, determination.DesignationId, null, null, null, "Decided by a designee of the Board.");
        }

        var resolution = designation.ResolutionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (designation.Designee is { } designee)
        {
            return new DecidedBy(DecisionCapacity.Designee, designation.Id, designee.Name, designee.Email, designation.ResolutionDate,
                $"Decided by the Board's designee {designee.Name} under the resolution of {resolution}.");
        }

        var recorder = await db.People.AsNoTracking().Where(p => p.Id == determination.RecordedById).Select(p => p.Name).SingleOrDefaultAsync(ct);
        return new DecidedBy(DecisionCapacity.Designee, designation.Id, null, null, designation.ResolutionDate,
            $"Decided by the Board's designee the Audit Committee under the resolution of {resolution}" +
            (recorder is null ? "." : $", recorded by {recorder}."));
    }

    /// <summary>Who decided the case's standing (newest) determination; null when there is none or it predates designations.</summary>
    public static async Task<DecidedBy?> StandingAsync(EthicsDbContext db, Guid caseId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var standing = await db.Determinations.AsNoTracking().Where(d => d.CaseId == caseId).OrderByDescending(d => d.RecordedAt)
            .FirstOrDefaultAsync(ct);
        return standing is null ? null : await DescribeAsync(db, standing, ct);
    }
}
