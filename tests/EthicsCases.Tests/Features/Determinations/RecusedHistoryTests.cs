using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Determinations;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EthicsCases.Tests.Features.Determinations.DeterminationScenario;

namespace EthicsCases.Tests.Features.Determinations;

/// <summary>
/// Precedents and prior-violation lists show only cases the reader may see: an Audit Committee member named in an
/// earlier case learns how many violations the records hold (the calculator counts them all) but not where.
/// </summary>
public sealed class RecusedHistoryTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task An_Audit_Committee_member_named_in_an_earlier_case_sees_the_count_but_neither_its_reference_nor_its_factors()
    {
        // The earlier case names the member and the controller; the Board found the controller in violation.
        var earlier = await BeforeTheBoard(Db, Cast.Controller, Cast.AuditMember);
        await Db.SendAs(Cast.AuditChair, Minor(earlier.Reference, Sanction.WrittenNotice) with { Subject = Cast.Controller });
        Db.Clock.Advance(TimeSpan.FromDays(30));
        var next = await BeforeTheBoard(Db, Cast.Controller);
        var preview = new GetDeterminationContext(next.Reference, Severity: 1, Occurrences: 1, Intent: "inadvertent");

        var recused = await Db.SendAs(Cast.AuditMember, preview);
        var chair = await Db.SendAs(Cast.AuditChair, preview);
        var determined = await Db.SendAs(Cast.AuditMember, Minor(next.Reference, Sanction.Censure));
        var recorded = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == next.CaseId && e.Action == "RecordDetermination")
            .Select(e => e.Data).SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That(recused.Individuals.Single().PriorViolations, Is.EqualTo(1), "the count is the records'");
            Assert.That(recused.Individuals.Single().PriorViolationCases, Is.Empty);
            Assert.That(recused.Precedents, Is.Empty, "the earlier determination is no precedent to someone recused from it");
            Assert.That(JsonSerializer.Serialize(recused), Does.Not.Contain(earlier.Reference).And.Not.Contain(nameof(Sanction.WrittenNotice)),
                "neither its reference nor its sanction appears anywhere in what the member reads");
            Assert.That(recused.Recommendation!.Recommendation, Is.EqualTo(Sanction.Censure), "one prior violation counted: 6 points, a censure");

            Assert.That(chair.Individuals.Single().PriorViolationCases.Select(p => p.Reference), Is.EqualTo(new[] { earlier.Reference }));
            Assert.That(chair.Precedents.Select(p => p.Reference), Is.EqualTo(new[] { earlier.Reference }));
            Assert.That(chair.Recommendation!.Recommendation, Is.EqualTo(recused.Recommendation.Recommendation));

            Assert.That(determined.PriorViolations, Is.EqualTo(1));
            Assert.That(determined.Recommendation, Is.EqualTo(Sanction.Censure));
            Assert.That(determined.DepartsFromRecommendation, Is.False);
            Assert.That(determined.PriorViolationReferences, Is.Empty);
            Assert.That(recorded, Does.Contain(earlier.Reference), "the record itself names every violation it counted");
        });
    }
}
