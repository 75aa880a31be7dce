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
        DateOnly? incidentDate = null, IReadOnlyList<Person>? generalCounsels = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        generalCounsels ??= await GeneralCounselsAsync(db, ct);
        var reference = await ReferenceNumbers.NextAsync(db, now.Year, ct);
        var ethicsCase = EthicsCase.File(reference, now, category, summary, details, reporter, subjects, generalCounsels, reporterLabel, incidentDate);
        db.Cases.Add(ethicsCase);
        return ethicsCase;
    }

    /// <summary>
    /// The General Counsels the recusal rule needs: read before the filing's transaction by callers on the intake path,
    /// so that SQLite's one writer is held only for what must be written together.
    /// </summary>
    public static async Task<IReadOnlyList<Person>> GeneralCounselsAsync(EthicsDbContext db, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.Roles.Contains(Role.GeneralCounsel)).ToListAsync(ct);
}
