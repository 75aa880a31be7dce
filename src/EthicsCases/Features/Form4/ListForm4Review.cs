using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Form4;

/// <summary>Reporting owners of stored filings that are not linked to a directory person: someone must match them.</summary>
public sealed record ListForm4Review(int? Limit = null, string? After = null) : IQuery<Page<Form4ReviewOwner>>, IRoleRequest, IPagedQuery
{
    public static IReadOnlyList<Role> AllowedRoles => Form4Files.MonitorRoles;
}

/// <summary>Limit and cursor.</summary>
public sealed class ListForm4ReviewValidator : FluentValidation.AbstractValidator<ListForm4Review>
{
    public ListForm4ReviewValidator() => this.AddPagingRules();
}

/// <summary>One owner to match, over all their stored filings.</summary>
/// <param name="Name">Name as last filed.</param>
/// <param name="Cik">Owner CIK, when filed.</param>
/// <param name="Match">NeedsReview (near or ambiguous name) or NotInDirectory.</param>
/// <param name="Reason">Why it was not linked, with the candidates.</param>
/// <param name="Filings">How many stored filings name the owner.</param>
/// <param name="Files">The files, oldest first.</param>
public sealed record Form4ReviewOwner(string Name, string? Cik, OwnerMatch Match, string? Reason, int Filings, IReadOnlyList<string> Files);

/// <summary>
/// Groups unlinked owner rows by CIK, else by normalised name. The grouping happens here, so the page is cut from the
/// grouped list (the unlinked owners of a company's filings are a short list).
/// </summary>
public sealed class ListForm4ReviewHandler(EthicsDbContext db) : IQueryHandler<ListForm4Review, Page<Form4ReviewOwner>>
{
    public async ValueTask<Page<Form4ReviewOwner>> Handle(ListForm4Review query, CancellationToken cancellationToken)
    {
        var rows = await db.OwnershipFilingOwners.AsNoTracking()
            .Where(o => o.PersonId == null)
            .Join(db.OwnershipFilings, o => o.FilingId, f => f.Id, (o, f) => new { Owner = o, f.SourceFileName, f.ImportedAt })
            .ToListAsync(cancellationToken);
        var owners = rows
            .GroupBy(r => OwnerDirectory.InsiderKey(r.Owner))
            .Select(g =>
            {
                var ordered = g.OrderBy(r => r.ImportedAt).ToList();
                var last = ordered[^1].Owner;
                return new Form4ReviewOwner(last.Name, last.Cik, last.Match, last.ReviewNote, ordered.Count, ordered.Select(r => r.SourceFileName).ToList());
            })
            .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Cik ?? "", StringComparer.Ordinal)
            .ToList();
        if (query.After is { } cursor)
        {
            var parts = Paging.Parts(cursor, 2);
            owners = owners.SkipWhile(o => Compare(o, parts[0], parts[1]) <= 0).ToList();
        }

        return Paging.Of(owners.Take(Paging.Fetch(query.Limit)).ToList(), query.Limit, o => Paging.Cursor(o.Name, o.Cik ?? ""));
    }

    private static int Compare(Form4ReviewOwner owner, string name, string cik)
    {
        var byName = StringComparer.OrdinalIgnoreCase.Compare(owner.Name, name);
        byName = byName != 0 ? byName : StringComparer.Ordinal.Compare(owner.Name, name);
        return byName != 0 ? byName : StringComparer.Ordinal.Compare(owner.Cik ?? "", cik);
    }
}
