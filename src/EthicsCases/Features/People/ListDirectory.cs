using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.People;

/// <summary>The whole directory with each person's state, deactivated people included (Administrator); or the one person with <see cref="Email"/>.</summary>
public sealed record ListDirectory(int? Limit = null, string? After = null, string? Email = null) : IQuery<Page<DirectoryPerson>>, IRoleRequest, IPagedQuery
{
    public static IReadOnlyList<Role> AllowedRoles => [Role.Administrator];
}

/// <summary>Limit and cursor.</summary>
public sealed class ListDirectoryValidator : FluentValidation.AbstractValidator<ListDirectory>
{
    public ListDirectoryValidator() => this.AddPagingRules();
}

/// <summary>Reads the directory, active people first, then by name and e-mail (in the database's order, so it pages by key).</summary>
public sealed class ListDirectoryHandler(EthicsDbContext db) : IQueryHandler<ListDirectory, Page<DirectoryPerson>>
{
    public async ValueTask<Page<DirectoryPerson>> Handle(ListDirectory query, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Email))
        {
            var email = Person.NormalizeEmail(query.Email);
            people = people.Where(p => p.Email == email);
        }

        if (query.After is { } cursor)
        {
            var parts = Paging.Parts(cursor, 3);
            var (active, name, email) = (parts[0] == "1", parts[1], parts[2]);
            people = active
                ? people.Where(p => p.DeactivatedAt != null || string.Compare(p.Name, name) > 0 || (p.Name == name && string.Compare(p.Email, email) > 0))
                : people.Where(p => p.DeactivatedAt != null && (string.Compare(p.Name, name) > 0 || (p.Name == name && string.Compare(p.Email, email) > 0)));
        }

        var rows = await people.OrderBy(p => p.DeactivatedAt == null ? 0 : 1).ThenBy(p => p.Name).ThenBy(p => p.Email)
            .Take(Paging.Fetch(query.Limit)).ToListAsync(cancellationToken);
        return Paging.Of(rows.Select(DirectoryPerson.Of).ToList(), query.Limit, p => Paging.Cursor(p.Active ? "1" : "0", p.Name, p.Email));
    }
}
