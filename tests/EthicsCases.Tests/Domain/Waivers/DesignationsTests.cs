using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;

namespace EthicsCases.Tests.Domain.Waivers;

/// <summary>Who may decide in the Board's place, and when a designation stops working.</summary>
public sealed class DesignationsTests
{
    private static readonly Person Chair = P("chair", Role.Board, Role.BoardChair);
    private static readonly Person Director = P("director", Role.Board);
    private static readonly Person AuditMember = P("ac", Role.AuditCommittee);
    private static readonly Person Officer = P("officer", Role.Officer);
    private static readonly Person Outsider = P("outside.counsel");

    private static Person P(string name, params Role[] roles) => new(Guid.NewGuid(), $"{name}@test.example", name, null, roles);

    private static BoardDesignation Designation(Person? person, DesigneeBody? body, DateOnly from, DateOnly to, params DesignatedMatter[] matters) =>
        new(Guid.NewGuid(), person, body, matters, from, to, from.AddDays(-3), Chair, DateTime.UtcNow);

    [Test]
    public void A_Board_member_decides_as_the_Board_without_any_designation()
    {
        Assert.That(Designations.Authority(Director, DesignatedMatter.Waivers, new DateOnly(2026, 3, 2), []), Is.EqualTo(DecisionAuthority.AsBoard));
    }

    [Test]
    public void Without_a_designation_neither_the_Audit_Committee_nor_an_officer_decides_a_waiver()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Designations.CanDecide(AuditMember, DesignatedMatter.Waivers, new DateOnly(2026, 3, 2), []), Is.False);
            Assert.That(Designations.CanDecide(Officer, DesignatedMatter.Waivers, new DateOnly(2026, 3, 2), []), Is.False);
        });
    }

    [Test]
    public void The_Audit_Committee_designated_as_a_body_decides_from_the_first_through_the_last_day_and_not_the_day_after()
    {
        var designation = Designation(null, DesigneeBody.AuditCommittee, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), DesignatedMatter.Waivers);
        DecisionAuthority? On(int month, int day) => Designations.Authority(AuditMember, DesignatedMatter.Waivers, new DateOnly(2026, month, day), [designation]);

        Assert.Multiple(() =>
        {
            Assert.That(On(2, 28), Is.Null, "the day before");
            Assert.That(On(3, 1), Is.EqualTo(new DecisionAuthority(DecisionCapacity.Designee, designation.Id)), "the first day");
            Assert.That(On(3, 31), Is.EqualTo(new DecisionAuthority(DecisionCapacity.Designee, designation.Id)), "the last day");
            Assert.That(On(4, 1), Is.Null, "the day after: expired");
            Assert.That(Designations.CanDecide(Officer, DesignatedMatter.Waivers, new DateOnly(2026, 3, 15), [designation]), Is.False,
                "designating the Audit Committee designates its members only");
        });
    }

    [Test]
    public void A_named_person_decides_only_the_matters_designated()
    {
        var designation = Designation(Outsider, null, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), DesignatedMatter.Determinations);
        var both = Designation(Outsider, null, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), DesignatedMatter.Determinations, DesignatedMatter.Waivers);

        Assert.Multiple(() =>
        {
            Assert.That(Designations.CanDecide(Outsider, DesignatedMatter.Determinations, new DateOnly(2026, 3, 10), [designation, both]), Is.True);
            Assert.That(Designations.CanDecide(Outsider, DesignatedMatter.Waivers, new DateOnly(2026, 3, 10), [designation, both]), Is.False);
            Assert.That(Designations.Authority(Outsider, DesignatedMatter.Waivers, new DateOnly(2026, 4, 10), [designation, both])!.DesignationId,
                Is.EqualTo(both.Id));
            Assert.That(Designations.InForce([designation, both], DesignatedMatter.Determinations, new DateOnly(2026, 4, 1)), Is.EqualTo(new[] { both }));
        });
    }

    [Test]
    public void A_designation_names_one_designee_works_after_its_resolution_and_ends_after_it_starts()
    {
        var from = new DateOnly(2026, 3, 1);
        Assert.Multiple(() =>
        {
            Assert.That(() => new BoardDesignation(Guid.NewGuid(), Outsider, DesigneeBody.AuditCommittee, [DesignatedMatter.Waivers], from, from, from, Chair, DateTime.UtcNow),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("either a person or the Audit Committee"));
            Assert.That(() => new BoardDesignation(Guid.NewGuid(), Outsider, null, [DesignatedMatter.Waivers], from, from.AddDays(-1), from, Chair, DateTime.UtcNow),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("ends"));
            Assert.That(() => new BoardDesignation(Guid.NewGuid(), Outsider, null, [DesignatedMatter.Waivers], from, from, from.AddDays(1), Chair, DateTime.UtcNow),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("before the Board resolved it"));
            Assert.That(() => new BoardDesignation(Guid.NewGuid(), Outsider, null, [], from, from, from, Chair, DateTime.UtcNow),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("at least one matter"));
            Assert.That(() => new BoardDesignation(Guid.NewGuid(), Outsider, null, [DesignatedMatter.Waivers], from, from, from, Director, DateTime.UtcNow),
                Throws.TypeOf<ForbiddenException>());
        });
    }

    [Test]
    public void Matters_read_as_words_commas_or_both()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Designations.ParseMatters(["waivers"]), Is.EqualTo(new[] { DesignatedMatter.Waivers }));
            Assert.That(Designations.ParseMatters(["determinations,waivers"]), Is.EqualTo(new[] { DesignatedMatter.Determinations, DesignatedMatter.Waivers }));
            Assert.That(Designations.ParseMatters(["both", "waivers"]), Is.EqualTo(new[] { DesignatedMatter.Determinations, DesignatedMatter.Waivers }));
            Assert.That(() => Designations.ParseMatters(["audits"]), Throws.TypeOf<ValidationFailedException>().With.Message.Contains("'audits'"));
        });
    }
}
