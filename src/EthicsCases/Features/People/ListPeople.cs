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
public sealed record ListPeople(int? Limit = null, string? After = null) : IQuery<Page<DirectoryEntry>>, IActorRequest, IPagedQuery;

/// <summary>Limit and cursor.</summary>
public sealed class ListPeopleValidator : FluentValidation.AbstractValidator<ListPeople>
{
    public ListPeopleValidator() => this.AddPagingRules();
}

/// <summary>One directory person.</summary>
public sealed record DirectoryEntry(Guid PersonId, string Email, string Name, string? Title, IReadOnlyList<Role> Roles);

/// <summary>Reads the directory by name, then e-mail (unique, so the order is total and a cursor is exact).</summary>
public sealed class ListPeopleHandler(EthicsDbContext db) : IQueryHandler<ListPeople, Page<DirectoryEntry>>
{
    public async ValueTask<Page<DirectoryEntry>> Handle(ListPeople query, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        if (query.After is { } cursor)
        {
            var parts = Paging.Parts(cursor, 2);
            var (name, email) = (parts[0], parts[1]);
            people = people.Where(p => string.Compare(p.Name, name) > 0 || (p.Name == name && string.Compare(p.Email, email) > 0));
        }

        var rows = await people.OrderBy(p => p.Name).ThenBy(p => p.Email).Take(Paging.Fetch(query.Limit)).ToListAsync(cancellationToken);
        return Paging.Of(rows.Select(p => new DirectoryEntry(p.Id, p.Email, p.Name, p.Title, p.Roles)).ToList(), query.Limit, p => Paging.Cursor(p.Name, p.Email));
    }
}
