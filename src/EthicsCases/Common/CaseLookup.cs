using EthicsCases.Data;
using System.Linq.Expressions;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EthicsCases.Common;

/// <summary>Finds a case by id or reference, within what a person may see.</summary>
public static class CaseLookup
{
    /// <summary>Filters by id when the key is a GUID, else by reference.</summary>
    public static IQueryable<EthicsCase> ByKey(this IQueryable<EthicsCase> cases, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Guid.TryParse(key, out var id))
        {
            return cases.Where(c => c.Id == id);
        }

        // References are stored upper-case; normalising here keeps the comparison index-friendly.
        var reference = key.Trim().ToUpperInvariant();
        return cases.Where(c => c.Reference == reference);
    }

    /// <summary>Whether the case exists and the person may see it (by role, or as a designee of the Board in force today).</summary>
    public static async Task<bool> FindVisibleAsync(EthicsDbContext db, string key, Person person, CancellationToken ct) =>
        await db.Cases.AsNoTracking().ByKey(key).Where(await VisibleToAsync(db, person, ct)).AnyAsync(ct);

    /// <summary>Loads a case for change, tracked, with subjects; throws "not found" when invisible.</summary>
    public static async Task<EthicsCase> LoadVisibleAsync(EthicsDbContext db, string key, Person person, CancellationToken ct) =>
        await db.Cases.ByKey(key).Where(await VisibleToAsync(db, person, ct)).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException($"Case '{key}' was not found.");

    /// <summary>
    /// The cases the person may see today: <see cref="CaseAccess.VisibleTo"/>, widened for a person the Board
    /// designated by name for determinations by a designation in force today (from and to inclusive, on the
    /// application's <see cref="TimeProvider"/>), so that a designee without any role can find and decide the cases
    /// awaiting the Board.
    /// </summary>
    public static Task<Expression<Func<EthicsCase, bool>>> VisibleToAsync(EthicsDbContext db, Person person, CancellationToken ct) =>
        VisibleToAsync(db, person, Today(db), ct);

    /// <inheritdoc cref="VisibleToAsync(EthicsDbContext, Person, CancellationToken)"/>
    public static async Task<Expression<Func<EthicsCase, bool>>> VisibleToAsync(EthicsDbContext db, Person person, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        return CaseAccess.VisibleWithDesignations(person, await DesigneeScopeAsync(db, person, today, ct));
    }

    /// <summary>
    /// The same rule for a list that looks at many cases (a queue or a case list counting its states): recusal is read
    /// once when few cases name the person (<see cref="CaseAccess.ReadRecusalOnce"/>: one capped count on the subjects'
    /// person index decides), else checked per case as everywhere else.
    /// </summary>
    public static Task<Expression<Func<EthicsCase, bool>>> VisibleInListAsync(EthicsDbContext db, Person person, CancellationToken ct) =>
        VisibleInListAsync(db, person, Today(db), ct);

    /// <inheritdoc cref="VisibleInListAsync(EthicsDbContext, Person, CancellationToken)"/>
    public static async Task<Expression<Func<EthicsCase, bool>>> VisibleInListAsync(EthicsDbContext db, Person person, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        var naming = await CaseAccess.Naming(person, db.CaseSubjects).Take(CaseAccess.ReadRecusalOnceLimit).CountAsync(ct);
        return CaseAccess.VisibleWithDesignations(person, await DesigneeScopeAsync(db, person, today, ct),
            CaseAccess.ReadRecusalOnce(naming) ? db.CaseSubjects : null);
    }

    /// <summary>What the person sees as a designee of the Board today; null when no designation for determinations names them.</summary>
    public static async Task<BoardDesigneeScope?> DesigneeScopeAsync(EthicsDbContext db, Person person, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        // The Audit Committee sees every case and the Board every case referred to it: nothing to widen, no query to run.
        if (person.Has(Role.AuditCommittee) || person.Has(Role.Board))
        {
            return null;
        }

        var id = person.Id;
        var designations = await db.BoardDesignations.AsNoTracking()
            .Where(d => d.DesigneeId == id && d.From <= today && d.To >= today)
            .ToListAsync(ct);
        if (!DesignatedForDeterminations(person, designations))
        {
            return null;
        }

        return new BoardDesigneeScope(db.Determinations
            .Where(d => d.RecordedById == id && d.DecidedAs == DecisionCapacity.Designee)
            .Select(d => d.CaseId));
    }

    /// <summary>
    /// Whether, among designations in force, one names the person for determinations: what widens their view
    /// (<see cref="DesigneeScopeAsync"/>). The Audit Committee and the Board see those cases by role already.
    /// </summary>
    public static bool DesignatedForDeterminations(Person person, IEnumerable<BoardDesignation> inForce)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(inForce);
        return !person.Has(Role.AuditCommittee) && !person.Has(Role.Board)
            && inForce.Any(d => d.DesigneeId == person.Id && d.Covers(DesignatedMatter.Determinations));
    }

    // Behaviours and handlers that predate designations call without a clock: the date comes from the application's
    // TimeProvider (the scope that made this context), so tests that move the clock move expiry with it.
    private static DateOnly Today(EthicsDbContext db)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var clock = services?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }
}
