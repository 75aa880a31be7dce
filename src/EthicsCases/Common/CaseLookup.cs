using EthicsCases.Data;
using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Whether the case exists and the person may see it.</summary>
    public static Task<bool> FindVisibleAsync(EthicsDbContext db, string key, Person person, CancellationToken ct) =>
        db.Cases.AsNoTracking().ByKey(key).Where(CaseAccess.VisibleTo(person)).AnyAsync(ct);

    /// <summary>Loads a case for change, tracked, with subjects; throws "not found" when invisible.</summary>
    public static async Task<EthicsCase> LoadVisibleAsync(EthicsDbContext db, string key, Person person, CancellationToken ct) =>
        await db.Cases.ByKey(key).Where(CaseAccess.VisibleTo(person)).SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException($"Case '{key}' was not found.");
}
