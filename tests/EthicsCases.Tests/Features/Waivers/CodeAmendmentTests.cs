using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Waivers;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Waivers;

/// <summary>Amendments of the code run on the same four-business-day clock as waivers.</summary>
public sealed class CodeAmendmentTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task An_amendment_adopted_before_an_observed_Independence_Day_is_due_the_next_Thursday_and_a_late_posting_shows()
    {
        Db.Clock.Advance(TimeSpan.FromDays(160)); // 9 August 2026

        var recorded = await Db.SendAs(Cast.GeneralCounsel, new RecordCodeAmendment("3.0", new DateOnly(2026, 7, 2), "Adds a gifts threshold of $250."));
        var disclosed = await Db.SendAs(Cast.GeneralCounsel, new RecordAmendmentDisclosure("3.0", new DateOnly(2026, 7, 10), "website", "https://investors.example.com/code"));
        var early = await Db.SendAs(Cast.AuditMember, new RecordAmendmentPostingRemoval(recorded.AmendmentId.ToString(), new DateOnly(2026, 8, 1)));
        var listed = (await Db.SendAs(Cast.Cfo, new ListCodeAmendments())).Single();

        Assert.Multiple(async () =>
        {
            Assert.That(recorded.DisclosureDue, Is.EqualTo(new DateOnly(2026, 7, 9)));
            Assert.That(disclosed.Late, Is.True);
            Assert.That(early.RemovedEarly, Is.True);
            Assert.That(listed.Findings.Select(f => f.Code), Is.EqualTo(new[] { "DisclosedLate", "PostingRemovedEarly" }));
            Assert.That(await Db.Read(db => db.AuditEvents.Where(e => e.Action.StartsWith("CodeAmendment")).Select(e => e.Action).ToListAsync()),
                Is.EqualTo(new[] { "CodeAmendmentRecorded", "CodeAmendmentDisclosed", "CodeAmendmentPostingRemoved" }));
        });
    }

    [Test]
    public async Task A_revision_is_recorded_once_by_counsel_the_committee_or_the_Board_and_never_in_the_future()
    {
        await Db.SendAs(Cast.Director, new RecordCodeAmendment("2.1", new DateOnly(2026, 3, 2), "Clarifies the reporting line."));

        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new RecordCodeAmendment("2.1", new DateOnly(2026, 3, 2), "Again")), Throws.TypeOf<ConflictException>());
            Assert.That(() => Db.SendAs(Cast.Cfo, new RecordCodeAmendment("2.2", new DateOnly(2026, 3, 2), "x")), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new RecordCodeAmendment("2.2", new DateOnly(2026, 3, 3), "x")),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("future"));
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new RecordAmendmentDisclosure("9.9", new DateOnly(2026, 3, 2), "8-K")), Throws.TypeOf<NotFoundException>());
        });
    }
}
