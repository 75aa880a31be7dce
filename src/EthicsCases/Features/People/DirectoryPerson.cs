using EthicsCases.Data;
using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.People;

/// <summary>A directory entry as an administrator sees it (<c>ethics people list|update</c>, <c>/Admin/People</c>).</summary>
public sealed record DirectoryPerson(Guid PersonId, string Email, string Name, string? Title, IReadOnlyList<Role> Roles, bool Active,
    bool Linked, DateTime? DeactivatedAt, Guid? TenantId, Guid? ObjectId)
{
    /// <summary>The entry of a person.</summary>
    public static DirectoryPerson Of(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new DirectoryPerson(person.Id, person.Email, person.Name, person.Title, person.Roles, person.Active, person.Linked,
            person.DeactivatedAt, person.TenantId, person.ObjectId);
    }
}

/// <summary>Rules the directory's administrators must not break.</summary>
internal static class DirectoryRules
{
    /// <summary>
    /// Refuses a change that would leave the directory without an active Administrator: nobody could then change it
    /// except by editing the database by hand, with no audit.
    /// </summary>
    public static async Task KeepAnAdministratorAsync(EthicsDbContext db, Person person, CancellationToken ct)
    {
        var others = await db.People.AsNoTracking()
            .CountAsync(p => p.Id != person.Id && p.DeactivatedAt == null && p.Roles.Contains(Role.Administrator), ct);
        if (others == 0)
        {
            throw new ConflictException($"{person.Email} is the last active Administrator; make someone else Administrator first.");
        }
    }

    /// <summary>Loads a person for change by e-mail, or answers "not found".</summary>
    public static async Task<Person> LoadAsync(EthicsDbContext db, string email, CancellationToken ct)
    {
        var normalized = Person.NormalizeEmail(email);
        return await db.People.SingleOrDefaultAsync(p => p.Email == normalized, ct)
            ?? throw new NotFoundException($"'{normalized}' is not in the directory.");
    }
}
