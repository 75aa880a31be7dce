using EthicsCases.Domain;
using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Tests.Domain.Sanctions;

public class PrecedentsTests
{
    private static PastDetermination Past(string reference, ConcernCategory category, SanctionFactors factors, string date = "2025-06-01", params Sanction[] sanctions) =>
        new(reference, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), category, factors,
            sanctions.Length == 0 ? [Sanction.Censure] : sanctions);

    private static readonly SanctionFactors Current = new(4, 2, Intent.Intentional, true, 1);

    [Test]
    public void Same_category_ranks_before_nearer_factors_of_another_category()
    {
        var past = new[]
        {
            Past("EC-1", ConcernCategory.DisclosureMatter, Current),
            Past("EC-2", ConcernCategory.Fraud, Current with { Severity = 2 }),
        };

        var found = Precedents.MostComparable(past, ConcernCategory.Fraud, Current);

        Assert.Multiple(() =>
        {
            Assert.That(found.Select(p => p.Determination.Reference), Is.EqualTo(new[] { "EC-2", "EC-1" }));
            Assert.That(found[0].SameCategory, Is.True);
            Assert.That(found[0].Distance, Is.EqualTo(2m));
            Assert.That(found[1].Distance, Is.EqualTo(0m));
        });
    }

    [Test]
    public void Within_a_category_nearest_factors_come_first_and_only_top_n_are_returned()
    {
        var past = new[]
        {
            Past("EC-far", ConcernCategory.Fraud, new SanctionFactors(1, 1, Intent.Inadvertent, false, 0)),
            Past("EC-near", ConcernCategory.Fraud, Current with { PriorViolations = 2 }, "2024-01-01", Sanction.SuspensionWithoutPay),
            Past("EC-mid", ConcernCategory.Fraud, Current with { Intent = Intent.Inadvertent }),
        };

        var found = Precedents.MostComparable(past, ConcernCategory.Fraud, Current, count: 2);

        Assert.Multiple(() =>
        {
            Assert.That(found.Select(p => p.Determination.Reference), Is.EqualTo(new[] { "EC-near", "EC-mid" }));
            Assert.That(found.Select(p => p.Distance), Is.EqualTo(new[] { 1m, 2m }));
            Assert.That(found[0].Determination.Sanctions, Is.EqualTo(new[] { Sanction.SuspensionWithoutPay }));
        });
    }

    [Test]
    public void Equally_near_precedents_put_the_more_recent_first()
    {
        var past = new[]
        {
            Past("EC-old", ConcernCategory.BooksAndRecords, Current, "2023-03-01"),
            Past("EC-new", ConcernCategory.BooksAndRecords, Current, "2026-03-01"),
        };

        var found = Precedents.MostComparable(past, ConcernCategory.BooksAndRecords, Current);

        Assert.That(found.Select(p => p.Determination.Reference), Is.EqualTo(new[] { "EC-new", "EC-old" }));
    }

    [Test]
    public void Without_a_category_precedents_rank_by_distance_alone()
    {
        var past = new[]
        {
            Past("EC-a", ConcernCategory.Fraud, Current with { Severity = 1 }),
            Past("EC-b", ConcernCategory.DisclosureMatter, Current with { Advised = false }),
        };

        var found = Precedents.MostComparable(past, null, Current);

        Assert.Multiple(() =>
        {
            Assert.That(found.Select(p => p.Determination.Reference), Is.EqualTo(new[] { "EC-b", "EC-a" }));
            Assert.That(found.Any(p => p.SameCategory), Is.False);
        });
    }

    [Test]
    public void Distance_weighs_each_factor_as_documented_and_caps_large_counts()
    {
        var a = new SanctionFactors(1, 1, Intent.Inadvertent, false, 0);
        var b = new SanctionFactors(5, 9, Intent.Intentional, true, 7);

        Assert.Multiple(() =>
        {
            // 4 (severity) + 4 (occurrences 1 vs capped 5) + 2 (one intent step) + 1 (advised) + 3 (priors 0 vs capped 3)
            Assert.That(Precedents.Distance(a, b), Is.EqualTo(14m));
            Assert.That(Precedents.Distance(b, a), Is.EqualTo(14m));
            Assert.That(Precedents.Distance(a, a), Is.EqualTo(0m));
        });
    }

    [Test]
    public void Out_of_range_current_factors_are_rejected()
    {
        Assert.Throws<ValidationFailedException>(() =>
            Precedents.MostComparable([], ConcernCategory.Fraud, Current with { Severity = 9 }));
    }
}
