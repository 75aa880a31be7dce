using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Domain.Sanctions;
using Mediator;

namespace EthicsCases.Features.Sanctions;

/// <summary>
/// What the sanction policy in force recommends for the SOP's five factors, as typed in (<c>ethics sanction
/// recommend</c>). Pure: no actor, no database; a case's determination counts prior violations from the records instead.
/// </summary>
public sealed record RecommendSanction(int? Severity, int? Occurrences, string? Intent, string? Advised, int? PriorViolations, string? Category = null)
    : IQuery<SanctionRecommendation>, IPublicRequest;

/// <summary>Validates the factors (every bad one named at once) and runs the calculator.</summary>
public sealed class RecommendSanctionHandler : IQueryHandler<RecommendSanction, SanctionRecommendation>
{
    public ValueTask<SanctionRecommendation> Handle(RecommendSanction query, CancellationToken cancellationToken)
    {
        ConcernCategory? category = null;
        if (query.Category is not null)
        {
            category = EnumNames.ParseField<ConcernCategory>(query.Category, "category");
        }

        var factors = SanctionFactors.From(query.Severity, query.Occurrences, query.Intent, query.Advised, query.PriorViolations, category);
        return ValueTask.FromResult(new SanctionCalculator(SanctionPolicy.Current).Recommend(factors));
    }
}
