using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Board;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EthicsCases.Tests.Features.Waivers.WaiverScenario;

namespace EthicsCases.Tests.Features.Waivers;

/// <summary>The Board chair records designations; the Board, the committee and counsel read them.</summary>
public sealed class DesignationTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [SetUp]
    public Task People() => AddPeople(Db);

    [Test]
    public async Task The_chair_designates_a_person_or_the_Audit_Committee_and_the_list_says_which_is_in_force()
    {
        var person = await Db.SendAs(Chair, new RecordDesignation(OutsideCounsel, false, ["determinations", "waivers"], new DateOnly(2026, 3, 1),
            new DateOnly(2026, 6, 30), new DateOnly(2026, 2, 26)));
        var body = await Db.SendAs(Chair, new RecordDesignation(null, true, ["waivers"], new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1),
            new DateOnly(2025, 12, 18)));

        var list = await Db.SendAs(Cast.GeneralCounsel, new ListDesignations());

        Assert.Multiple(async () =>
        {
            Assert.That(person.Person, Is.EqualTo(OutsideCounsel));
            Assert.That(person.Matters, Is.EqualTo(new[] { "determinations", "waivers" }));
            Assert.That(body.Body, Is.EqualTo("AuditCommittee"));
            Assert.That(list.Select(d => (d.DesignationId, d.InForce)), Is.EqualTo(new[] { (person.DesignationId, true), (body.DesignationId, false) }),
                "newest resolution first; the committee's ended yesterday");
            Assert.That(list.Select(d => d.RecordedBy), Has.All.EqualTo(Chair));
            Assert.That(await Db.Read(db => db.AuditEvents.CountAsync(e => e.Action == "DesignationRecorded")), Is.EqualTo(2));
        });
    }

    [Test]
    public void Only_the_chair_designates_and_a_designation_cannot_precede_its_resolution()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(Cast.Director, new RecordDesignation(OutsideCounsel, false, ["waivers"], new DateOnly(2026, 3, 1),
                new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1))), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Chair, new RecordDesignation(OutsideCounsel, false, ["waivers"], new DateOnly(2026, 2, 1),
                new DateOnly(2026, 3, 31), new DateOnly(2026, 2, 15))), Throws.TypeOf<ValidationFailedException>().With.Message.Contains("before the Board resolved it"));
            Assert.That(() => Db.SendAs(Chair, new RecordDesignation(OutsideCounsel, true, ["waivers"], new DateOnly(2026, 3, 1),
                new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1))), Throws.TypeOf<ValidationFailedException>().With.Message.Contains("not both"));
            Assert.That(() => Db.SendAs(Chair, new RecordDesignation("nobody@test.example", false, ["waivers"], new DateOnly(2026, 3, 1),
                new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1))), Throws.TypeOf<ValidationFailedException>().With.Message.Contains("Not in the directory"));
            Assert.That(() => Db.SendAs(Cast.Cfo, new ListDesignations()), Throws.TypeOf<ForbiddenException>());
        });
    }
}
