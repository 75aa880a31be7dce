using EthicsCases.Domain;
using EthicsCases.Notifications;

namespace EthicsCases.Tests.Notifications;

public sealed class NotificationRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private readonly Person _cfo = Make("cfo@test.example", Role.Officer);
    private readonly Person _gc = Make("gc@test.example", Role.GeneralCounsel);
    private readonly Person _deputyGc = Make("deputy.gc@test.example", Role.GeneralCounsel);
    private readonly Person _chair = Make("ac.chair@test.example", Role.AuditCommittee, Role.Board);
    private readonly Person _member = Make("ac.member@test.example", Role.AuditCommittee);
    private readonly Person _director = Make("director@test.example", Role.Board);
    private readonly Person _admin = Make("admin@test.example", Role.Administrator);

    private Person[] Directory => [_cfo, _gc, _deputyGc, _chair, _member, _director, _admin];

    [Test]
    public void A_new_case_is_told_to_the_roles_it_is_routed_to_and_never_to_its_subjects()
    {
        var c = File(ConcernCategory.CodeOfEthicsViolation, reporter: _cfo, subjects: [_member]);

        var told = NotificationRules.Recipients(NotificationKind.CaseRouted, c, Directory, _cfo);

        Assert.That(told, Is.EquivalentTo(new[] { _gc, _deputyGc, _chair }), "GC and AC, less the subject, the reporter, the Board and the Administrator");
    }

    [Test]
    public void A_case_that_bypasses_the_General_Counsel_tells_no_General_Counsel()
    {
        var recused = File(ConcernCategory.BooksAndRecords, reporter: _cfo, subjects: [_gc]);
        var auditOnly = File(ConcernCategory.Fraud, reporter: _cfo);

        Assert.Multiple(() =>
        {
            Assert.That(NotificationRules.Recipients(NotificationKind.CaseRouted, recused, Directory), Is.EquivalentTo(new[] { _chair, _member }),
                "a General Counsel named as subject recuses the office: the deputy is not told either");
            Assert.That(NotificationRules.Recipients(NotificationKind.CaseRouted, auditOnly, Directory), Is.EquivalentTo(new[] { _chair, _member }));
        });
    }

    [Test]
    public void The_person_who_caused_the_event_is_not_told_of_it()
    {
        var byAuditMember = File(ConcernCategory.Fraud, reporter: _member);
        var referred = File(ConcernCategory.SecuritiesLawViolation, reporter: _cfo);
        referred.State = CaseState.AuditCommitteeReview;

        Assert.Multiple(() =>
        {
            Assert.That(Notifier.CaseRouted(byAuditMember, Directory, Now, _member).Select(n => n.RecipientId), Is.EqualTo(new[] { _chair.Id }),
                "an Audit Committee member who reports is not told their own report arrived");
            Assert.That(Notifier.ReporterMessage(byAuditMember, Directory, Now).Select(n => n.RecipientId), Is.EqualTo(new[] { _chair.Id }),
                "nor of their own message, even when the caller names no actor");
            Assert.That(Notifier.CaseReferred(referred, Directory, Now, _chair).Select(n => n.RecipientId), Is.EqualTo(new[] { _member.Id }));
        });
    }

    [Test]
    public void People_without_a_usable_address_are_skipped()
    {
        var noAddress = Make("not-an-address", Role.AuditCommittee);
        var empty = Make("", Role.AuditCommittee);
        var c = File(ConcernCategory.Fraud, reporter: null);

        var told = NotificationRules.Recipients(NotificationKind.CaseRouted, c, [.. Directory, noAddress, empty]);

        Assert.That(told, Is.EquivalentTo(new[] { _chair, _member }));
    }

    [Test]
    public void The_Board_is_told_of_a_determination_request_once_the_case_is_referred_to_it()
    {
        var c = File(ConcernCategory.Fraud, reporter: _cfo, subjects: [_director]);
        c.State = CaseState.AuditCommitteeReview;
        var before = Notifier.BoardDeterminationRequested(c, Directory, Now, _member);

        c.State = CaseState.BoardDetermination;
        c.ReferredToBoard = true;
        var after = Notifier.BoardDeterminationRequested(c, Directory, Now, _member);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Empty, "the Board cannot open the case before the request");
            Assert.That(after.Select(n => n.RecipientId), Is.EqualTo(new[] { _chair.Id }), "the Board, less the director named as subject");
            Assert.That(after.Single().Kind, Is.EqualTo(NotificationKind.BoardDeterminationRequested));
        });
    }

    [Test]
    public void A_message_from_an_anonymous_reporter_tells_the_case_reviewers()
    {
        var c = File(ConcernCategory.CodeOfEthicsViolation, reporter: null);
        c.State = CaseState.GeneralCounselReview;

        var told = NotificationRules.Recipients(NotificationKind.ReporterMessage, c, Directory);

        Assert.That(told, Is.EquivalentTo(new[] { _gc, _deputyGc, _chair, _member }), "the reviewers; the Board only once referred");
    }

    [TestCase(ConcernCategory.CodeOfEthicsViolation, CaseState.Intake, new[] { Role.GeneralCounsel })]
    [TestCase(ConcernCategory.Fraud, CaseState.Intake, new[] { Role.AuditCommittee })]
    [TestCase(ConcernCategory.CodeOfEthicsViolation, CaseState.GeneralCounselReview, new[] { Role.GeneralCounsel })]
    [TestCase(ConcernCategory.CodeOfEthicsViolation, CaseState.AuditCommitteeReview, new[] { Role.AuditCommittee })]
    [TestCase(ConcernCategory.Fraud, CaseState.BoardDetermination, new[] { Role.Board, Role.AuditCommittee })]
    [TestCase(ConcernCategory.Fraud, CaseState.Closed, new Role[0])]
    public void Deadline_alerts_go_to_whoever_must_act_in_the_case_state(ConcernCategory category, CaseState state, Role[] roles)
    {
        var c = File(category, reporter: _cfo);
        c.State = state;
        c.ReferredToBoard = state == CaseState.BoardDetermination;

        var told = Notifier.DeadlineOverdue(c, "Acknowledge", new DateOnly(2026, 3, 1), Directory, Now).Select(n => n.RecipientId);

        Assert.Multiple(() =>
        {
            Assert.That(NotificationRules.RolesThatMustAct(c), Is.EqualTo(roles));
            Assert.That(told, Is.EquivalentTo(Directory.Where(p => roles.Any(p.Has)).Select(p => p.Id)));
        });
    }

    [Test]
    public void A_deadline_is_due_soon_from_two_days_before_overdue_after_and_silent_once_met()
    {
        var c = File(ConcernCategory.Fraud, reporter: _cfo);
        var due = new DateOnly(2026, 3, 9);
        NotificationKind? Alert(DateOnly today, bool met = false) =>
            Notifier.DeadlineAlert(c, "Acknowledge", due, met, today, [_member], Now).SingleOrDefault()?.Kind;

        Assert.Multiple(() =>
        {
            Assert.That(Alert(new DateOnly(2026, 3, 6)), Is.Null);
            Assert.That(Alert(new DateOnly(2026, 3, 7)), Is.EqualTo(NotificationKind.DeadlineDueSoon));
            Assert.That(Alert(due), Is.EqualTo(NotificationKind.DeadlineDueSoon));
            Assert.That(Alert(new DateOnly(2026, 3, 10)), Is.EqualTo(NotificationKind.DeadlineOverdue));
            Assert.That(Alert(new DateOnly(2026, 3, 10), met: true), Is.Null);
        });
    }

    [Test]
    public void The_same_deadline_alert_has_the_same_dedupe_key_and_a_moved_due_date_a_new_one()
    {
        var c = File(ConcernCategory.Fraud, reporter: _cfo);
        var first = Notifier.DeadlineDueSoon(c, "Feedback", new DateOnly(2026, 6, 2), [_member], Now).Single();
        var again = Notifier.DeadlineDueSoon(c, "Feedback", new DateOnly(2026, 6, 2), [_member], Now.AddHours(1)).Single();
        var moved = Notifier.DeadlineDueSoon(c, "Feedback", new DateOnly(2026, 6, 3), [_member], Now).Single();
        var overdue = Notifier.DeadlineOverdue(c, "Feedback", new DateOnly(2026, 6, 2), [_member], Now).Single();

        Assert.Multiple(() =>
        {
            Assert.That(again.DedupeKey, Is.EqualTo(first.DedupeKey));
            Assert.That(moved.DedupeKey, Is.Not.EqualTo(first.DedupeKey));
            Assert.That(overdue.DedupeKey, Is.Not.EqualTo(first.DedupeKey));
            Assert.That(first.DeadlineKind, Is.EqualTo("Feedback"));
            Assert.That(first.DueOn, Is.EqualTo(new DateOnly(2026, 6, 2)));
        });
    }

    [Test]
    public void Each_event_is_its_own_notification_however_often_its_kind_recurs()
    {
        var c = File(ConcernCategory.Fraud, reporter: _cfo);
        c.State = CaseState.BoardDetermination;
        c.ReferredToBoard = true;
        var first = Notifier.BoardDeterminationRequested(c, [_director], Now).Single();
        var sameEvent = Notifier.BoardDeterminationRequested(c, [_director], Now).Single();
        c.Record(_member, "RequestBoardDetermination", Now.AddDays(30));
        var second = Notifier.BoardDeterminationRequested(c, [_director], Now.AddDays(30)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(sameEvent.DedupeKey, Is.EqualTo(first.DedupeKey), "one event, one notification");
            Assert.That(second.DedupeKey, Is.Not.EqualTo(first.DedupeKey), "a later request after a reopening is news again");
        });
    }

    [Test]
    public void A_person_who_chose_the_digest_has_notifications_held_for_it()
    {
        _member.NotificationPreference = NotificationPreference.DailyDigest;
        var c = File(ConcernCategory.Fraud, reporter: _cfo);

        var queued = Notifier.CaseRouted(c, Directory, Now, _cfo).ToDictionary(n => n.RecipientId, n => n.State);

        Assert.That(queued, Is.EqualTo(new Dictionary<Guid, NotificationState>
        {
            [_chair.Id] = NotificationState.Pending,
            [_member.Id] = NotificationState.Digest,
        }));
    }

    [TestCase("Acknowledge", "Acknowledge")]
    [TestCase("BoardDetermination", "Board determination")]
    [TestCase("InvestigationFraud", null)]
    [TestCase("Disclosure", null)]
    [TestCase("Investigation: books", null)]
    public void A_deadline_name_reaches_the_mail_only_when_it_names_no_category(string kind, string? words)
    {
        Assert.That(NotificationMail.DeadlineName(kind), Is.EqualTo(words));
    }

    private EthicsCase File(ConcernCategory category, Person? reporter, Person[]? subjects = null)
    {
        return EthicsCase.File("EC-2026-0001", Now, category, "s", null, reporter, subjects ?? [],
            Directory.Where(p => p.Has(Role.GeneralCounsel)).ToList());
    }

    private static Person Make(string email, params Role[] roles) => new(Guid.NewGuid(), email, email.Length == 0 ? "No Address" : email.Split('@')[0], null, roles);
}
