using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Determinations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Advice;

/// <summary>The advice ledger, optionally for one person; the General Counsel and the Audit Committee may read it.</summary>
public sealed record ListAdvice(string? Person = null, int? Limit = null, string? After = null) : IQuery<Page<AdviceEntry>>, IRoleRequest, IPagedQuery
{
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];
}

/// <summary>Limit and cursor.</summary>
public sealed class ListAdviceValidator : FluentValidation.AbstractValidator<ListAdvice>
{
    public ListAdviceValidator() => this.AddPagingRules();
}

/// <summary>Reads the ledger, oldest advice first (the day it was given, then when it was recorded, then its id).</summary>
public sealed class ListAdviceHandler(EthicsDbContext db) : IQueryHandler<ListAdvice, Page<AdviceEntry>>
{
    public async ValueTask<Page<AdviceEntry>> Handle(ListAdvice query, CancellationToken cancellationToken)
    {
        var advice = db.PriorAdvice.AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            var person = (await PeopleLookup.ResolveAsync(db, [query.Person], "person", cancellationToken))[0];
            advice = advice.Where(a => a.PersonId == person.Id);
        }

        if (query.After is { } cursor)
        {
            var parts = Paging.Parts(cursor, 3);
            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                || !long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var ticks) || ticks < 0 || ticks > DateTime.MaxValue.Ticks
                || !Guid.TryParse(parts[2], out var id))
            {
                throw ValidationFailedException.For("after", "That is not a cursor this list gave out.");
            }

            var at = new DateTime(ticks, DateTimeKind.Utc);
            advice = advice.Where(a => a.GivenOn > day || (a.GivenOn == day && (a.RecordedAt > at || (a.RecordedAt == at && a.Id.CompareTo(id) > 0))));
        }

        var rows = await DeterminationHistory.EntriesAsync(db, advice, cancellationToken, Paging.Fetch(query.Limit));
        return Paging.Of(rows, query.Limit, a => Paging.Cursor(a.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            a.RecordedAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), a.AdviceId.ToString()));
    }
}
