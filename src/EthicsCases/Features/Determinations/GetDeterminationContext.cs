using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Sanctions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Determinations;

/// <summary>
/// What the Board needs before deciding a case in BoardDetermination: for each individual, earlier violations and
/// prior advice from the records, the pre-filled <c>advised</c>; and, when factors are given, a recommendation
/// preview and the most comparable past determinations.
/// </summary>
public sealed record GetDeterminationContext(string CaseKey, string? Subject = null, int? Severity = null, int? Occurrences = null,
    string? Intent = null, string? Advised = null) : IQuery<DeterminationContext>, ICaseRequest;

/// <summary>The case and what the records say about each individual.</summary>
public sealed record DeterminationContext(
    Guid CaseId,
    string Reference,
    ConcernCategory Category,
    CaseState State,
    IReadOnlyList<IndividualHistory> Individuals,
    SanctionRecommendation? Recommendation,
    IReadOnlyList<PrecedentView> Precedents);

/// <summary>
/// One subject's history as the factors read it. <see cref="PriorViolations"/> is what the records hold (the
/// calculator's input); <see cref="PriorViolationCases"/> lists only the cases the reader may see, so a reader recused
/// from an earlier case sees the count without the case.
/// </summary>
public sealed record IndividualHistory(
    string Email,
    string Name,
    string? Title,
    int PriorViolations,
    IReadOnlyList<PriorViolation> PriorViolationCases,
    IReadOnlyList<AdviceEntry> PriorAdvice,
    bool Advised);

/// <summary>A past determination ranked against this case.</summary>
public sealed record PrecedentView(string Reference, DateOnly DeterminedOn, ConcernCategory Category, bool SameCategory, decimal Distance,
    int Severity, int Occurrences, string Intent, bool Advised, int PriorViolations, IReadOnlyList<Sanction> Sanctions);

/// <summary>Reads the records; changes nothing.</summary>
public sealed class GetDeterminationContextHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock)
    : IQueryHandler<GetDeterminationContext, DeterminationContext>
{
    private const int PrecedentCount = 5;

    public async ValueTask<DeterminationContext> Handle(GetDeterminationContext query, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        // The Audit Committee, the Board and whoever the Board designated for determinations (in force today) read it.
        if (!me.Has(Role.Board) && await DeterminationAuthority.OfAsync(db, me, DateOnly.FromDateTime(now), cancellationToken) is null)
        {
            throw new ForbiddenException("This needs one of the roles AuditCommittee, Board, or a Board designation for determinations in force today.");
        }

        var c = await db.Cases.AsNoTracking().ByKey(query.CaseKey).Where(await CaseLookup.VisibleToAsync(db, me, DateOnly.FromDateTime(now), cancellationToken))
            .Include(x => x.Subjects).ThenInclude(s => s.Person)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Case '{query.CaseKey}' was not found.");
        if (c.State != CaseState.BoardDetermination)
        {
            throw new ConflictException($"Case {c.Reference} is in {c.State}, not BoardDetermination: there is nothing to determine.");
        }

        var people = c.Subjects.Select(s => s.Person!).OrderBy(p => p.Email, StringComparer.Ordinal).ToList();
        if (!string.IsNullOrWhiteSpace(query.Subject))
        {
            var email = Person.NormalizeEmail(query.Subject);
            people = people.Where(p => p.Email == email).ToList();
            if (people.Count == 0)
            {
                throw ValidationFailedException.For("subject", $"'{email}' is not a subject of case {c.Reference}.");
            }
        }

        var violationBy = DateOnly.FromDateTime(c.FiledAt);
        var individuals = new List<IndividualHistory>();
        foreach (var p in people)
        {
            var priors = await DeterminationHistory.PriorViolationsAsync(db, p.Id, c.Id, now, cancellationToken);
            var advice = await DeterminationHistory.AdviceBeforeAsync(db, p.Id, c.Category, violationBy, cancellationToken);
            var shown = await DeterminationHistory.VisibleToAsync(db, priors, me, cancellationToken);
            individuals.Add(new IndividualHistory(p.Email, p.Name, p.Title, priors.Count, shown, advice, advice.Count > 0));
        }

        SanctionRecommendation? recommendation = null;
        IReadOnlyList<PrecedentView> precedents = [];
        if (query.Severity is not null || query.Occurrences is not null || query.Intent is not null)
        {
            // The preview is for one individual: the one chosen, or the only one.
            var who = individuals.Count == 1
                ? individuals[0]
                : throw ValidationFailedException.For("subject", "The case names several subjects (or none): name the individual for a preview.");
            var factors = SanctionFactors.From(query.Severity, query.Occurrences, query.Intent,
                query.Advised ?? SanctionFactors.YesNo(who.Advised), who.PriorViolations, c.Category);
            recommendation = new SanctionCalculator(SanctionPolicy.Current).Recommend(factors);
            var past = await DeterminationHistory.PastDeterminationsAsync(db, c.Id, me, cancellationToken);
            precedents = Precedents.MostComparable(past, c.Category, factors, PrecedentCount)
                .Select(x => new PrecedentView(x.Determination.Reference, x.Determination.DeterminedOn, x.Determination.Category, x.SameCategory,
                    x.Distance, x.Determination.Factors.Severity, x.Determination.Factors.Occurrences, IntentScale.Name(x.Determination.Factors.Intent),
                    x.Determination.Factors.Advised, x.Determination.Factors.PriorViolations, x.Determination.Sanctions))
                .ToList();
        }

        return new DeterminationContext(c.Id, c.Reference, c.Category, c.State, individuals, recommendation, precedents);
    }
}
