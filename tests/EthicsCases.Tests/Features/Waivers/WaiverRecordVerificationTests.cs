using EthicsCases.Data;
using EthicsCases.Features.Audit;
using EthicsCases.Features.Board;
using EthicsCases.Features.Waivers;
using EthicsCases.Tests.Infrastructure;
using static EthicsCases.Tests.Features.Waivers.WaiverScenario;

namespace EthicsCases.Tests.Features.Waivers;

/// <summary>A whole waiver journey leaves a record the verifier accepts (ADR-011).</summary>
public sealed class WaiverRecordVerificationTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [SetUp]
    public Task People() => AddPeople(Db);

    [Test]
    public async Task Request_decision_disclosure_draft_amendment_and_designation_leave_a_valid_record()
    {
        await Db.SendAs(Chair, new RecordDesignation(OutsideCounsel, false, ["waivers"], new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30),
            new DateOnly(2026, 2, 26)));
        var id = await Requested(Db);
        await Db.SendAs(OutsideCounsel, new DecideWaiver(id, true, new DateOnly(2026, 3, 2), "No conflict with the officer's duties."));
        await Db.SendAs(Cast.GeneralCounsel, new GetWaiverDisclosureDraft(id, "website", Pdf: true));
        await Db.SendAs(Cast.GeneralCounsel, new RecordWaiverDisclosure(id, new DateOnly(2026, 3, 2), "website", "https://investors.example.com/waivers"));
        await Db.SendAs(Cast.GeneralCounsel, new RecordWaiverPostingRemoval(id, new DateOnly(2026, 3, 2)));
        await Db.SendAs(Cast.GeneralCounsel, new RecordCodeAmendment("II-031 rev 3", new DateOnly(2026, 3, 2), "Adds a gifts clause."));

        var verdict = await Db.SendAs(null, new VerifyAudit());

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Valid, Is.True, string.Join("; ", verdict.Problems.Select(p => $"{p.Kind}: {p.Detail}")));
            Assert.That(verdict.Events, Is.GreaterThanOrEqualTo(6));
        });
    }
}
