using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.People;

/// <summary>The whole directory with each person's state, deactivated people included (Administrator).</summary>
public sealed record ListDirectory : IQuery<IReadOnlyList<DirectoryPerson>>, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles => [Role.Administrator];
}

/// <summary>Reads the directory, active people first, then by name.</summary>
public sealed class ListDirectoryHandler(EthicsDbContext db) : IQueryHandler<ListDirectory, IReadOnlyList<DirectoryPerson>>
{
    public async ValueTask<IReadOnlyList<DirectoryPerson>> Handle(ListDirectory query, CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking().ToListAsync(cancellationToken);
        return people
            .OrderBy(p => p.Active ? 0 : 1).ThenBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Email, StringComparer.Ordinal)
            .Select(DirectoryPerson.Of)
            .ToList();
    }
}
