using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Sanctions;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Features.Sanctions;

public sealed class RecommendSanctionTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task The_use_case_gives_the_calculator_s_recommendation_under_the_policy_in_force_without_an_actor()
    {
        var recommendation = await Db.SendAs(null, new RecommendSanction(5, 3, "intentional", "yes", 2));
        var direct = new SanctionCalculator(SanctionPolicy.Current).Recommend(new SanctionFactors(5, 3, Intent.Intentional, true, 2));

        Assert.Multiple(() =>
        {
            Assert.That(recommendation.Recommendation, Is.EqualTo(direct.Recommendation));
            Assert.That(recommendation.Score, Is.EqualTo(direct.Score));
            Assert.That(recommendation.PolicyVersion, Is.EqualTo(SanctionPolicy.Current.Version));
            Assert.That(recommendation.Factors.Select(f => f.Factor), Is.EquivalentTo(new[] { "severity", "occurrences", "intent", "advised", "priorViolations" }));
        });
    }

    [Test]
    public void Every_bad_factor_is_named_at_once()
    {
        var error = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(null, new RecommendSanction(9, 0, "reckless", "maybe", -1)));
        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "severity", "occurrences", "intent", "advised", "priorViolations" }));
    }

    [Test]
    public void An_unknown_category_is_refused()
    {
        Assert.That(() => Db.SendAs(null, new RecommendSanction(1, 1, "inadvertent", "no", 0, "Gossip")),
            Throws.TypeOf<ValidationFailedException>().With.Property(nameof(ValidationFailedException.Errors)).ContainKey("category"));
    }
}
