using EthicsCases.Data;
using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>
/// What every way of filing shares (signed in, anonymous, the Form 4 monitor): the General Counsels the recusal rule
/// needs and the next reference number, then <see cref="EthicsCase.File"/>.
/// </summary>
public static class CaseIntake
{
    /// <summary>
    /// Files the case into the pending unit of work. Call it inside the transaction that saves the case: the
    /// reference number is taken there.
    /// </summary>
    public static async Task<EthicsCase> FileAsync(EthicsDbContext db, DateTime now, ConcernCategory category, string summary,
        string? details, Person? reporter, IReadOnlyCollection<Person> subjects, CancellationToken ct, string? reporterLabel = null,
        DateOnly? incidentDate = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var generalCounsels = await db.People.AsNoTracking().Where(p => p.Roles.Contains(Role.GeneralCounsel)).ToListAsync(ct);
        var reference = await ReferenceNumbers.NextAsync(db, now.Year, ct);
        var ethicsCase = EthicsCase.File(reference, now, category, summary, details, reporter, subjects, generalCounsels, reporterLabel, incidentDate);
        db.Cases.Add(ethicsCase);
        return ethicsCase;
    }
}
