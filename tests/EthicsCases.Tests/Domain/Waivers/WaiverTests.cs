using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Domain.Waivers;

namespace EthicsCases.Tests.Domain.Waivers;

/// <summary>The waiver's own rules: who asks, who may not decide, and the order of its states.</summary>
public sealed class WaiverTests
{
    private static readonly Person Cfo = P("cfo", Role.Officer);
    private static readonly Person Controller = P("controller", Role.Officer);
    private static readonly Person Counsel = P("gc", Role.GeneralCounsel);
    private static readonly Person Director = P("director", Role.Board);
    private static readonly Person CeoDirector = P("ceo", Role.Officer, Role.Board);
    private static readonly DateTime March2 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Person P(string name, params Role[] roles) => new(Guid.NewGuid(), $"{name}@test.example", name, null, roles);

    private static Waiver Requested(Person? person = null) =>
        Waiver.Request(Guid.NewGuid(), person ?? Cfo, person ?? Cfo, "II-030 conflicts of interest", "Board seat at a supplier", March2);

    [Test]
    public void An_officer_asks_for_themselves_and_the_General_Counsel_on_an_officers_behalf()
    {
        var own = Requested();
        var onBehalf = Waiver.Request(Guid.NewGuid(), Controller, Counsel, "II-030 gifts", "Customary gift", March2);

        Assert.Multiple(() =>
        {
            Assert.That(own.State, Is.EqualTo(WaiverState.Requested));
            Assert.That(own.RequestedById, Is.EqualTo(Cfo.Id));
            Assert.That(onBehalf.PersonId, Is.EqualTo(Controller.Id));
            Assert.That(onBehalf.RequestedById, Is.EqualTo(Counsel.Id));
            Assert.That(onBehalf.Disclosure.Started, Is.False);
        });
    }

    [Test]
    public void An_officer_cannot_ask_for_another_and_nobody_asks_for_someone_the_SOP_does_not_cover()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Waiver.Request(Guid.NewGuid(), Controller, Cfo, "p", "r", March2), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Waiver.Request(Guid.NewGuid(), Director, Counsel, "p", "r", March2),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("not an officer covered"));
            Assert.That(() => Waiver.Request(Guid.NewGuid(), Cfo, Cfo, " ", "r", March2), Throws.TypeOf<ValidationFailedException>());
        });
    }

    [Test]
    public void The_person_the_waiver_is_for_never_decides_it_even_as_a_Board_member()
    {
        var waiver = Requested(CeoDirector);

        Assert.That(() => waiver.Decide(true, new DateOnly(2026, 3, 2), "ok", CeoDirector, DecisionAuthority.AsBoard, March2, SecBusinessCalendar.Default),
            Throws.TypeOf<NotFoundException>());
        Assert.That(waiver.State, Is.EqualTo(WaiverState.Requested));
    }

    [Test]
    public void A_grant_starts_the_clock_on_the_decision_date_and_a_denial_starts_none()
    {
        var granted = Requested();
        granted.Decide(true, new DateOnly(2026, 3, 2), "Arm's length, disclosed", Director, DecisionAuthority.AsBoard, March2, SecBusinessCalendar.Default);
        var denied = Requested();
        denied.Decide(false, new DateOnly(2026, 3, 2), "Too close to the audit", Director, DecisionAuthority.AsBoard, March2, SecBusinessCalendar.Default);

        Assert.Multiple(() =>
        {
            Assert.That(granted.State, Is.EqualTo(WaiverState.Granted));
            Assert.That(granted.Disclosure.Due, Is.EqualTo(new DateOnly(2026, 3, 6)));
            Assert.That(granted.Disclosure.CalendarVersion, Is.EqualTo(SecBusinessCalendar.Default.Version));
            Assert.That(granted.DecidedAs, Is.EqualTo(WaiverDecisionBasis.Board));
            Assert.That(denied.State, Is.EqualTo(WaiverState.Denied));
            Assert.That(denied.Disclosure.Due, Is.Null);
            Assert.That(() => denied.RecordDisclosure(new DateOnly(2026, 3, 3), DisclosureChannel.Form8K, null), Throws.TypeOf<ConflictException>());
        });
    }

    [Test]
    public void A_waiver_is_decided_once_and_a_grant_recorded_after_the_meeting_keeps_the_meetings_date()
    {
        var waiver = Requested();
        waiver.Decide(true, new DateOnly(2026, 2, 26), "r", Director, DecisionAuthority.AsBoard, March2, SecBusinessCalendar.Default);

        Assert.Multiple(() =>
        {
            Assert.That(waiver.DecidedOn, Is.EqualTo(new DateOnly(2026, 2, 26)));
            Assert.That(waiver.Disclosure.Due, Is.EqualTo(new DateOnly(2026, 3, 4)), "already due two days after it was entered");
            Assert.That(() => waiver.Decide(false, new DateOnly(2026, 3, 3), "r", Director, DecisionAuthority.AsBoard, March2, SecBusinessCalendar.Default),
                Throws.TypeOf<ConflictException>());
        });
    }

    [Test]
    public void A_designee_decision_records_the_designation_and_disclosure_moves_Granted_to_Disclosed_once()
    {
        var designation = Guid.NewGuid();
        var waiver = Requested();
        waiver.Decide(true, new DateOnly(2026, 3, 2), "r", P("ac", Role.AuditCommittee), new DecisionAuthority(DecisionCapacity.Designee, designation),
            March2, SecBusinessCalendar.Default);
        waiver.RecordDisclosure(new DateOnly(2026, 3, 5), DisclosureChannel.Form8K, null);

        Assert.Multiple(() =>
        {
            Assert.That(waiver.DecidedAs, Is.EqualTo(WaiverDecisionBasis.Designee));
            Assert.That(waiver.DesignationId, Is.EqualTo(designation));
            Assert.That(waiver.State, Is.EqualTo(WaiverState.Disclosed));
            Assert.That(waiver.Disclosure.Late, Is.False);
            Assert.That(() => waiver.RecordDisclosure(new DateOnly(2026, 3, 6), DisclosureChannel.Form8K, null), Throws.TypeOf<ConflictException>());
        });
    }
}
