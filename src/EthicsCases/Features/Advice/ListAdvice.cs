using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Determinations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Advice;

/// <summary>The advice ledger, optionally for one person; the General Counsel and the Audit Committee may read it.</summary>
public sealed record ListAdvice(string? Person = null) : IQuery<IReadOnlyList<AdviceEntry>>, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];
}

/// <summary>Reads the ledger, oldest advice first.</summary>
public sealed class ListAdviceHandler(EthicsDbContext db) : IQueryHandler<ListAdvice, IReadOnlyList<AdviceEntry>>
{
    public async ValueTask<IReadOnlyList<AdviceEntry>> Handle(ListAdvice query, CancellationToken cancellationToken)
    {
        var advice = db.PriorAdvice.AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            var person = (await PeopleLookup.ResolveAsync(db, [query.Person], "person", cancellationToken))[0];
            advice = advice.Where(a => a.PersonId == person.Id);
        }

        return await DeterminationHistory.EntriesAsync(db, advice, cancellationToken);
    }
}
