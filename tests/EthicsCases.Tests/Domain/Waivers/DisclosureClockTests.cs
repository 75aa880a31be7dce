using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Domain.Waivers;

namespace EthicsCases.Tests.Domain.Waivers;

/// <summary>Item 5.05's four business days, counted on the SEC calendar with its holidays and observed days.</summary>
public sealed class DisclosureClockTests
{
    private static DateOnly Due(int y, int m, int d) => DisclosureClock.Due(new DateOnly(y, m, d), SecBusinessCalendar.Default);

    [Test]
    public void A_grant_the_day_before_Thanksgiving_is_due_the_following_Wednesday()
    {
        // Thursday 26 November 2026 is Thanksgiving: Fri 27, Mon 30, Tue 1, Wed 2.
        Assert.That(Due(2026, 11, 25), Is.EqualTo(new DateOnly(2026, 12, 2)));
    }

    [Test]
    public void A_grant_before_an_observed_Independence_Day_skips_the_Friday_it_is_observed()
    {
        // 4 July 2026 is a Saturday, observed Friday 3 July: Mon 6, Tue 7, Wed 8, Thu 9.
        Assert.That(Due(2026, 7, 2), Is.EqualTo(new DateOnly(2026, 7, 9)));
    }

    [Test]
    public void A_Sunday_holiday_is_observed_the_Monday_after()
    {
        // Juneteenth 2022 was a Sunday, observed Monday 20 June: Tue 21, Wed 22, Thu 23, Fri 24.
        Assert.That(Due(2022, 6, 17), Is.EqualTo(new DateOnly(2022, 6, 24)));
    }

    [Test]
    public void New_Years_Day_on_a_Saturday_closes_the_Friday_of_the_year_before()
    {
        // 1 January 2028 is a Saturday, observed Friday 31 December 2027: Wed 29, Thu 30, Mon 3, Tue 4.
        Assert.That(Due(2027, 12, 28), Is.EqualTo(new DateOnly(2028, 1, 4)));
    }

    [Test]
    public void An_ordinary_week_gives_four_weekdays_and_a_weekend_grant_counts_from_Monday()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Due(2026, 3, 2), Is.EqualTo(new DateOnly(2026, 3, 6)), "Monday to Friday");
            Assert.That(Due(2026, 3, 5), Is.EqualTo(new DateOnly(2026, 3, 11)), "Thursday over the weekend");
            Assert.That(Due(2026, 3, 7), Is.EqualTo(new DateOnly(2026, 3, 12)), "Saturday: Monday is the first day");
        });
    }

    [Test]
    public void A_disclosure_on_the_due_date_is_on_time_and_the_day_after_is_late()
    {
        var onTime = Started(new DateOnly(2026, 11, 25));
        onTime.Record(new DateOnly(2026, 12, 2), DisclosureChannel.Form8K, null, "w");
        var late = Started(new DateOnly(2026, 11, 25));
        late.Record(new DateOnly(2026, 12, 3), DisclosureChannel.Form8K, null, "w");

        Assert.Multiple(() =>
        {
            Assert.That(onTime.Late, Is.False);
            Assert.That(onTime.Findings(new DateOnly(2026, 12, 10)), Is.Empty);
            Assert.That(late.Late, Is.True);
            Assert.That(late.Findings(new DateOnly(2026, 12, 10)).Select(f => f.Code), Is.EqualTo(new[] { "DisclosedLate" }));
        });
    }

    [Test]
    public void Nothing_disclosed_is_overdue_only_after_the_due_date()
    {
        var track = Started(new DateOnly(2026, 11, 25));

        Assert.Multiple(() =>
        {
            Assert.That(track.LateAsOf(new DateOnly(2026, 12, 2)), Is.False);
            Assert.That(track.LateAsOf(new DateOnly(2026, 12, 3)), Is.True);
            Assert.That(track.Findings(new DateOnly(2026, 12, 3)).Single().Code, Is.EqualTo("DisclosureOverdue"));
            Assert.That(new DisclosureTrack().LateAsOf(new DateOnly(2026, 12, 3)), Is.Null, "no clock, no lateness");
        });
    }

    [Test]
    public void A_website_posting_removed_before_twelve_months_warns_and_on_the_anniversary_does_not()
    {
        var early = Posted(new DateOnly(2026, 3, 6));
        early.RecordRemoval(new DateOnly(2027, 3, 5), "w");
        var onAnniversary = Posted(new DateOnly(2026, 3, 6));
        onAnniversary.RecordRemoval(new DateOnly(2027, 3, 6), "w");

        Assert.Multiple(() =>
        {
            Assert.That(early.KeepPostedUntil, Is.EqualTo(new DateOnly(2027, 3, 6)));
            Assert.That(early.RemovedEarly, Is.True);
            Assert.That(early.Findings(new DateOnly(2027, 3, 10)).Single().Code, Is.EqualTo("PostingRemovedEarly"));
            Assert.That(onAnniversary.RemovedEarly, Is.False);
            Assert.That(onAnniversary.Findings(new DateOnly(2027, 3, 10)), Is.Empty);
        });
    }

    [Test]
    public void A_website_disclosure_needs_its_address_and_an_8K_has_no_posting_to_remove()
    {
        var track = Started(new DateOnly(2026, 3, 2));
        var filed = Started(new DateOnly(2026, 3, 2));
        filed.Record(new DateOnly(2026, 3, 3), DisclosureChannel.Form8K, null, "w");

        Assert.Multiple(() =>
        {
            Assert.That(() => track.Record(new DateOnly(2026, 3, 3), DisclosureChannel.Website, null, "w"),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("address"));
            Assert.That(() => track.Record(new DateOnly(2026, 3, 1), DisclosureChannel.Form8K, null, "w"),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("before the event"));
            Assert.That(() => filed.RecordRemoval(new DateOnly(2026, 4, 1), "w"), Throws.TypeOf<ConflictException>());
            Assert.That(() => filed.Record(new DateOnly(2026, 3, 4), DisclosureChannel.Form8K, null, "w"), Throws.TypeOf<ConflictException>());
        });
    }

    private static DisclosureTrack Started(DateOnly eventDate)
    {
        var track = new DisclosureTrack();
        track.Start(eventDate, SecBusinessCalendar.Default);
        return track;
    }

    private static DisclosureTrack Posted(DateOnly on)
    {
        var track = Started(on.AddDays(-1));
        track.Record(on, DisclosureChannel.Website, "https://investors.example.com/governance/waivers", "w");
        return track;
    }
}
