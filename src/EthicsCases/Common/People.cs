using EthicsCases.Data;
using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>Directory look-ups shared by features.</summary>
public static class PeopleLookup
{
    /// <summary>Finds every e-mail in the directory or rejects naming the ones that are not there.</summary>
    public static async Task<IReadOnlyList<Person>> ResolveAsync(EthicsDbContext db, IEnumerable<string> emails, string field, CancellationToken ct)
    {
        var wanted = emails.Select(Person.NormalizeEmail).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var found = await db.People.AsNoTracking().Where(p => wanted.Contains(p.Email)).ToListAsync(ct);
        var missing = wanted.Except(found.Select(p => p.Email)).ToList();
        if (missing.Count > 0)
        {
            throw ValidationFailedException.For(field, $"Not in the directory: {string.Join(", ", missing)}.");
        }

        return found;
    }
}
