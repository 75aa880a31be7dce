using System.Text.Json;
using EthicsCases.Domain;
using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Tests.Domain.Sanctions;

public class SanctionCalculatorTests
{
    private static readonly SanctionCalculator Calculator = new(SanctionPolicy.Current);

    [Test]
    public void Severity_one_single_inadvertent_unadvised_first_violation_recommends_written_notice()
    {
        var result = Calculator.Recommend(new SanctionFactors(1, 1, Intent.Inadvertent, Advised: false, PriorViolations: 0));

        Assert.Multiple(() =>
        {
            Assert.That(result.Recommendation, Is.EqualTo(Sanction.WrittenNotice));
            Assert.That(result.Score, Is.EqualTo(0m));
            Assert.That(result.PolicyVersion, Is.EqualTo("2026-11-v1"));
        });
    }

    [Test]
    public void Severity_five_repeated_intentional_advised_with_two_priors_recommends_termination()
    {
        var result = Calculator.Recommend(new SanctionFactors(5, 3, Intent.Intentional, Advised: true, PriorViolations: 2));

        Assert.Multiple(() =>
        {
            Assert.That(result.Recommendation, Is.EqualTo(Sanction.Termination));
            Assert.That(result.Score, Is.EqualTo(27m));
            Assert.That(result.Factors.Select(f => f.Points), Is.EqualTo(new[] { 12m, 3m, 5m, 3m, 4m }));
        });
    }

    [Test]
    public void First_inadvertent_misclassification_recommends_written_notice_as_documented()
    {
        var result = Calculator.Recommend(new SanctionFactors(2, 1, Intent.Inadvertent, false, 0, ConcernCategory.BooksAndRecords));

        Assert.Multiple(() =>
        {
            Assert.That(result.Recommendation, Is.EqualTo(Sanction.WrittenNotice));
            Assert.That(result.Score, Is.EqualTo(4m));
        });
    }

    [Test]
    public void Repeated_intentional_off_the_books_payments_after_advice_recommend_termination_as_documented()
    {
        var result = Calculator.Recommend(new SanctionFactors(4, 3, Intent.Intentional, true, 1, ConcernCategory.BooksAndRecords));

        Assert.Multiple(() =>
        {
            Assert.That(result.Recommendation, Is.EqualTo(Sanction.Termination));
            Assert.That(result.Score, Is.EqualTo(23m));
        });
    }

    [Test]
    public void Factors_are_listed_in_contract_order_with_inputs_as_given()
    {
        var result = Calculator.Recommend(new SanctionFactors(4, 2, Intent.Intentional, Advised: true, PriorViolations: 1, ConcernCategory.Fraud));

        Assert.Multiple(() =>
        {
            Assert.That(result.Factors.Select(f => f.Factor),
                Is.EqualTo(new[] { "severity", "occurrences", "intent", "advised", "priorViolations", "category" }));
            Assert.That(result.Factors.Select(f => f.Input),
                Is.EqualTo(new object[] { 4, 2, "intentional", "yes", 1, "Fraud" }));
            Assert.That(result.Score, Is.EqualTo(result.Factors.Sum(f => f.Points)));
        });
    }

    [Test]
    public void Without_a_category_there_is_no_category_factor_and_no_category_points()
    {
        var without = Calculator.Recommend(new SanctionFactors(3, 1, Intent.Inadvertent, false, 0));
        var withFraud = Calculator.Recommend(new SanctionFactors(3, 1, Intent.Inadvertent, false, 0, ConcernCategory.Fraud));

        Assert.Multiple(() =>
        {
            Assert.That(without.Factors.Select(f => f.Factor), Does.Not.Contain("category"));
            Assert.That(withFraud.Score - without.Score, Is.EqualTo(4m));
        });
    }

    [Test]
    public void Fraud_weighs_more_than_a_disclosure_matter_with_the_same_factors()
    {
        var factors = new SanctionFactors(4, 1, Intent.Intentional, false, 0);

        var fraud = Calculator.Recommend(factors with { Category = ConcernCategory.Fraud });
        var disclosure = Calculator.Recommend(factors with { Category = ConcernCategory.DisclosureMatter });

        Assert.Multiple(() =>
        {
            Assert.That(fraud.Score, Is.GreaterThan(disclosure.Score));
            Assert.That(fraud.Recommendation, Is.GreaterThan(disclosure.Recommendation));
        });
    }

    [Test]
    public void Serialises_to_the_contract_shape_with_default_options()
    {
        var result = Calculator.Recommend(new SanctionFactors(2, 1, Intent.Inadvertent, false, 0));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result));
        var root = json.RootElement;
        var first = root.GetProperty("factors")[0];

        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "recommendation", "score", "factors", "explanation", "policyVersion" }));
            Assert.That(root.GetProperty("recommendation").GetString(), Is.EqualTo("WrittenNotice"));
            Assert.That(root.GetProperty("score").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "factor", "input", "points" }));
            Assert.That(first.GetProperty("input").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("factors")[2].GetProperty("input").GetString(), Is.EqualTo("inadvertent"));
            Assert.That(root.GetProperty("factors")[3].GetProperty("input").GetString(), Is.EqualTo("no"));
            Assert.That(root.GetProperty("policyVersion").GetString(), Is.EqualTo("2026-11-v1"));
        });
    }

    [Test]
    public void Explanation_mentions_every_factor_in_the_sops_words()
    {
        var result = Calculator.Recommend(new SanctionFactors(5, 3, Intent.Intentional, true, 2, ConcernCategory.BooksAndRecords));

        Assert.That(result.Explanation, Does.Contain("termination of the individual's employment")
            .And.Contain("nature and severity of the violation, rated 5 of 5")
            .And.Contain("repeated, 3 occurrences")
            .And.Contain("appears to have been intentional")
            .And.Contain("had been advised prior to the violation as to the proper course of action")
            .And.Contain("2 other violations in the past")
            .And.Contain("books and records")
            .And.Contain("2026-11-v1"));
    }

    [Test]
    public void Explanation_of_a_first_inadvertent_violation_says_so()
    {
        var result = Calculator.Recommend(new SanctionFactors(1, 1, Intent.Inadvertent, false, 0));

        Assert.That(result.Explanation, Does.Contain("single occurrence")
            .And.Contain("appears to have been inadvertent")
            .And.Contain("had not been advised")
            .And.Contain("no other violations in the past")
            .And.Contain("written notice"));
    }

    [Test]
    public void Moving_any_single_factor_toward_more_culpable_never_lightens_the_recommendation_over_the_whole_grid()
    {
        // The whole grid, not samples. Occurrences 1..6 and prior violations 0..4 reach past the last band of each
        // table, so every band boundary is crossed.
        ConcernCategory?[] categories = [null, .. Enum.GetValues<ConcernCategory>()];
        var checkedMoves = 0;
        var seen = new HashSet<Sanction>();
        foreach (var category in categories)
        foreach (var severity in Enumerable.Range(1, 5))
        foreach (var occurrences in Enumerable.Range(1, 6))
        foreach (var intent in IntentScale.Grades)
        foreach (var advised in new[] { false, true })
        foreach (var prior in Enumerable.Range(0, 5))
        {
            var factors = new SanctionFactors(severity, occurrences, intent, advised, prior, category);
            var here = Calculator.Recommend(factors);
            seen.Add(here.Recommendation);

            var intentIndex = IntentScale.Grades.ToList().IndexOf(intent);
            var worse = new List<SanctionFactors>();
            if (severity < 5) worse.Add(factors with { Severity = severity + 1 });
            if (occurrences < 6) worse.Add(factors with { Occurrences = occurrences + 1 });
            if (intentIndex < IntentScale.Grades.Count - 1) worse.Add(factors with { Intent = IntentScale.Grades[intentIndex + 1] });
            if (!advised) worse.Add(factors with { Advised = true });
            if (prior < 4) worse.Add(factors with { PriorViolations = prior + 1 });

            foreach (var moved in worse)
            {
                var there = Calculator.Recommend(moved);
                checkedMoves++;
                if (there.Recommendation < here.Recommendation || there.Score < here.Score)
                {
                    Assert.Fail($"{moved} gives {there.Recommendation} ({there.Score}), lighter than {factors}: {here.Recommendation} ({here.Score}).");
                }
            }
        }

        Assert.Multiple(() =>
        {
            // 4,200 points (7 categories x 5 x 6 x 2 intents x 2 x 5); every step up from each: 3,360 + 3,500 + 2,100 + 2,100 + 3,360.
            Assert.That(checkedMoves, Is.EqualTo(14_420));
            Assert.That(seen, Is.EquivalentTo(Enum.GetValues<Sanction>()), "every sanction is reachable on the grid");
        });
    }

    [Test]
    public void A_category_never_lightens_the_recommendation_compared_with_none()
    {
        foreach (var severity in Enumerable.Range(1, 5))
        foreach (var intent in IntentScale.Grades)
        foreach (var category in Enum.GetValues<ConcernCategory>())
        {
            var none = Calculator.Recommend(new SanctionFactors(severity, 1, intent, false, 0));
            var with = Calculator.Recommend(new SanctionFactors(severity, 1, intent, false, 0, category));
            Assert.That(with.Recommendation, Is.GreaterThanOrEqualTo(none.Recommendation), $"{category}, severity {severity}, {intent}");
        }
    }

    [TestCase(0)]
    [TestCase(6)]
    public void Severity_out_of_range_is_rejected_naming_the_factor_and_allowed_values(int severity)
    {
        var e = Assert.Throws<ValidationFailedException>(() =>
            Calculator.Recommend(new SanctionFactors(severity, 1, Intent.Inadvertent, false, 0)));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Errors.Keys, Is.EqualTo(new[] { "severity" }));
            Assert.That(e.Errors["severity"][0], Does.Contain("1 (least severe) to 5 (most severe)"));
        });
    }

    [Test]
    public void Zero_occurrences_and_negative_prior_violations_are_rejected()
    {
        var e = Assert.Throws<ValidationFailedException>(() =>
            Calculator.Recommend(new SanctionFactors(3, 0, Intent.Inadvertent, false, -1)));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Errors.Keys, Is.EquivalentTo(new[] { "occurrences", "priorViolations" }));
            Assert.That(e.Errors["occurrences"][0], Does.Contain("1 or more"));
            Assert.That(e.Errors["priorViolations"][0], Does.Contain("0 or more"));
        });
    }

    [Test]
    public void Unknown_intent_is_rejected_listing_the_grades()
    {
        var e = Assert.Throws<ValidationFailedException>(() => SanctionFactors.From(3, 1, "reckless", "no", 0));

        Assert.That(e!.Errors["intent"][0], Does.Contain("'reckless'").And.Contain("inadvertent, intentional"));
    }

    [Test]
    public void Undefined_intent_value_built_in_code_is_rejected()
    {
        var e = Assert.Throws<ValidationFailedException>(() =>
            Calculator.Recommend(new SanctionFactors(3, 1, (Intent)50, false, 0)));

        Assert.That(e!.Errors.Keys, Is.EqualTo(new[] { "intent" }));
    }

    [Test]
    public void Missing_inputs_are_all_rejected_at_once_each_naming_its_factor()
    {
        var e = Assert.Throws<ValidationFailedException>(() => SanctionFactors.From(null, null, null, null, null));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Errors.Keys, Is.EquivalentTo(new[] { "severity", "occurrences", "intent", "advised", "priorViolations" }));
            Assert.That(e.Errors["advised"][0], Is.EqualTo("advised is required: yes or no."));
        });
    }

    [Test]
    public void Raw_inputs_parse_case_insensitively()
    {
        var factors = SanctionFactors.From(5, 3, "Intentional", "YES", 2, ConcernCategory.Fraud);

        Assert.That(factors, Is.EqualTo(new SanctionFactors(5, 3, Intent.Intentional, true, 2, ConcernCategory.Fraud)));
    }

    [Test]
    public void Heavier_chosen_sanction_departs_from_the_recommendation()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SanctionWording.DepartsFromRecommendation(Sanction.Censure, [Sanction.WrittenNotice, Sanction.Censure]), Is.False);
            Assert.That(SanctionWording.DepartsFromRecommendation(Sanction.Censure, [Sanction.Censure, Sanction.SuspensionWithPay]), Is.True);
            Assert.That(SanctionWording.DepartsFromRecommendation(Sanction.Termination, [Sanction.SuspensionWithoutPay]), Is.True);
            Assert.That(SanctionWording.DepartsFromRecommendation(Sanction.WrittenNotice, []), Is.True);
        });
    }
}
