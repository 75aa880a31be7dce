using EthicsCases.Domain;
using EthicsCases.Domain.Retention;

namespace EthicsCases.Tests.Features.Retention;

public sealed class RetentionPolicyTests
{
    private const string Valid = """
        {
          "version": "test-v1", "effectiveFrom": "2026-01-01", "description": "test",
          "outcomes": {
            "Dismissed": { "years": 1, "why": "a" },
            "NoViolationFound": { "years": 3, "why": "b" },
            "ViolationFound": { "years": 7, "why": "c" }
          }
        }
        """;

    [Test]
    public void The_embedded_policy_keeps_each_outcome_for_its_documented_years()
    {
        var policy = RetentionPolicy.Current;

        Assert.Multiple(() =>
        {
            Assert.That(policy.YearsAfterClosure(CaseOutcome.Dismissed), Is.EqualTo(1));
            Assert.That(policy.YearsAfterClosure(CaseOutcome.NoViolationFound), Is.EqualTo(3));
            Assert.That(policy.YearsAfterClosure(CaseOutcome.ViolationFound), Is.EqualTo(7));
            Assert.That(RetentionPolicy.ByVersion(policy.Version), Is.SameAs(policy));
            Assert.That(policy.Reasons[CaseOutcome.ViolationFound], Does.Contain("SOX 802").And.Contain("securities fraud"));
        });
    }

    [Test]
    public void Retention_ends_on_the_anniversary_of_the_closing()
    {
        var policy = RetentionPolicy.Parse(Valid);
        var closed = new DateOnly(2026, 3, 2);

        Assert.Multiple(() =>
        {
            Assert.That(policy.RetainedUntil(CaseOutcome.NoViolationFound, closed), Is.EqualTo(new DateOnly(2029, 3, 2)));
            Assert.That(policy.IsDue(CaseOutcome.Dismissed, closed, new DateOnly(2027, 3, 1)), Is.False);
            Assert.That(policy.IsDue(CaseOutcome.Dismissed, closed, new DateOnly(2027, 3, 2)), Is.True);
            Assert.That(policy.RetainedUntil(CaseOutcome.Dismissed, new DateOnly(2028, 2, 29)), Is.EqualTo(new DateOnly(2029, 2, 28)));
        });
    }

    [Test]
    public void A_policy_missing_an_outcome_is_refused()
    {
        var json = Valid.Replace("\"ViolationFound\": { \"years\": 7, \"why\": \"c\" }", "\"Other\": { \"years\": 7, \"why\": \"c\" }", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => RetentionPolicy.Parse(json))!;
        Assert.That(error.Message, Does.Contain("outcomes must give a period for exactly"));
    }

    [Test]
    public void A_period_of_no_years_or_without_a_reason_is_refused()
    {
        var json = Valid.Replace("\"years\": 1, \"why\": \"a\"", "\"years\": 0, \"why\": \" \"", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => RetentionPolicy.Parse(json))!;
        Assert.That(error.Message, Does.Contain("outcomes.Dismissed.years must be").And.Contain("outcomes.Dismissed.why must say why"));
    }
}
