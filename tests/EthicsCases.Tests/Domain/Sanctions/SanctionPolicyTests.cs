using System.Text.Json.Nodes;
using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Tests.Domain.Sanctions;

public class SanctionPolicyTests
{
    private static JsonObject ShippedPolicy()
    {
        using var stream = typeof(SanctionPolicy).Assembly
            .GetManifestResourceStream("EthicsCases.Domain.Sanctions.sanction-policy.v1.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    [Test]
    public void The_shipped_policy_is_embedded_valid_and_in_force()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SanctionPolicy.Current.Version, Is.EqualTo("2026-11-v1"));
            Assert.That(SanctionPolicy.Current.Thresholds.Select(t => t.Sanction), Is.EqualTo(Enum.GetValues<Sanction>()));
            Assert.That(SanctionPolicy.ForVersion("2026-11-v1"), Is.SameAs(SanctionPolicy.Current));
        });
    }

    [Test]
    public void Unknown_policy_version_is_rejected()
    {
        var e = Assert.Throws<EthicsCases.Domain.ValidationFailedException>(() => SanctionPolicy.ForVersion("1999-01-v0"));

        Assert.That(e!.Message, Does.Contain("2026-11-v1"));
    }

    [Test]
    public void Thresholds_out_of_ascending_order_are_rejected()
    {
        var policy = ShippedPolicy();
        policy["thresholds"]![2]!["minimumScore"] = 4;

        var e = Assert.Throws<InvalidDataException>(() => SanctionPolicy.Parse(policy.ToJsonString()));

        Assert.That(e!.Message, Does.Contain("ascend"));
    }

    [Test]
    public void A_sanction_missing_from_the_thresholds_is_rejected()
    {
        var policy = ShippedPolicy();
        policy["thresholds"]!.AsArray().RemoveAt(3);

        var e = Assert.Throws<InvalidDataException>(() => SanctionPolicy.Parse(policy.ToJsonString()));

        Assert.That(e!.Message, Does.Contain("every sanction"));
    }

    [Test]
    public void A_table_that_lightens_as_culpability_grows_is_rejected()
    {
        var policy = ShippedPolicy();
        policy["severity"]!["4"] = 1;

        var e = Assert.Throws<InvalidDataException>(() => SanctionPolicy.Parse(policy.ToJsonString()));

        Assert.That(e!.Message, Does.Contain("severity '4' gives fewer points"));
    }

    [Test]
    public void An_intent_grade_without_points_is_rejected()
    {
        var policy = ShippedPolicy();
        policy["intent"]!.AsObject().Remove("intentional");

        var e = Assert.Throws<InvalidDataException>(() => SanctionPolicy.Parse(policy.ToJsonString()));

        Assert.That(e!.Message, Does.Contain("intent must give points for exactly inadvertent, intentional"));
    }

    [Test]
    public void A_category_without_points_is_rejected()
    {
        var policy = ShippedPolicy();
        policy["category"]!.AsObject().Remove("Fraud");

        var e = Assert.Throws<InvalidDataException>(() => SanctionPolicy.Parse(policy.ToJsonString()));

        Assert.That(e!.Message, Does.Contain("category must give points"));
    }

    [Test]
    public void A_policy_without_a_version_is_rejected()
    {
        var policy = ShippedPolicy();
        policy.Remove("version");

        var e = Assert.Throws<InvalidDataException>(() => SanctionPolicy.Parse(policy.ToJsonString()));

        Assert.That(e!.Message, Does.Contain("version is required"));
    }

    [Test]
    public void A_new_version_file_parses_alongside_the_old_and_applies_its_own_weights()
    {
        var policy = ShippedPolicy();
        policy["version"] = "2027-01-v2";
        policy["effectiveFrom"] = "2027-01-01";
        policy["intent"]!["intentional"] = 9;

        var v2 = SanctionPolicy.Parse(policy.ToJsonString());
        var factors = new SanctionFactors(3, 1, Intent.Intentional, false, 0);

        Assert.Multiple(() =>
        {
            Assert.That(new SanctionCalculator(v2).Recommend(factors).Score, Is.EqualTo(14m));
            Assert.That(new SanctionCalculator(v2).Recommend(factors).PolicyVersion, Is.EqualTo("2027-01-v2"));
            Assert.That(new SanctionCalculator(SanctionPolicy.Current).Recommend(factors).Score, Is.EqualTo(10m));
        });
    }
}
