using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.People;

/// <summary>
/// The company directory, by name, for any directory person: naming subjects and advised persons needs it. (The local
/// sign-in picker, which runs before anyone is signed in, reads the directory as part of signing in.)
/// </summary>
public sealed record ListPeople : IQuery<IReadOnlyList<DirectoryEntry>>, IActorRequest;

/// <summary>One directory person.</summary>
public sealed record DirectoryEntry(Guid PersonId, string Email, string Name, string? Title, IReadOnlyList<Role> Roles);

/// <summary>Reads the directory.</summary>
public sealed class ListPeopleHandler(EthicsDbContext db) : IQueryHandler<ListPeople, IReadOnlyList<DirectoryEntry>>
{
    public async ValueTask<IReadOnlyList<DirectoryEntry>> Handle(ListPeople query, CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return people.Select(p => new DirectoryEntry(p.Id, p.Email, p.Name, p.Title, p.Roles)).ToList();
    }
}
