using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Filings;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Advice;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.Form4;
using EthicsCases.Features.People;
using EthicsCases.Features.Sanctions;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EthicsCases.Tests.Features.Determinations.DeterminationScenario;

namespace EthicsCases.Tests.Common;

/// <summary>Text, dates, lists and enum names, the same for every message and every host.</summary>
public sealed class InputRulesTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private static IReadOnlyDictionary<string, string[]> Refusal(Func<Task> send) =>
        Assert.ThrowsAsync<ValidationFailedException>(async () => await send())!.Errors;

    [Test]
    public async Task Control_characters_are_refused_in_every_text_field_but_tab_CR_and_LF_are_text()
    {
        var board = await BeforeTheBoard(Db, Cast.Controller);

        var summary = Refusal(() => Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Vendor\0paid twice", null, [])));
        var subject = Refusal(() => Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Vendor paid twice", null, ["x\u0085@test.example"])));
        var details = Refusal(() => Db.SendAs(Cast.AuditChair, DetermineCaseWith(board.Reference, "to\u001b the plant")));
        var person = Refusal(() => Db.SendAs(Cast.GeneralCounsel, new ListAdvice("cfo\u007f@test.example")));
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Vendor paid twice", "Line one\r\n\tLine two", []));

        Assert.Multiple(async () =>
        {
            Assert.That(summary.Keys, Is.EqualTo(new[] { "summary" }));
            Assert.That(subject.Keys, Is.EqualTo(new[] { "subjectEmails[0]" }));
            Assert.That(details.Keys, Is.EqualTo(new[] { "sanctions[0].details" }));
            Assert.That(person.Keys, Is.EqualTo(new[] { "person" }), "a message with no validator of its own is covered too");
            Assert.That((await Db.Read(db => db.Cases.SingleAsync(c => c.Id == filed.CaseId))).Details, Is.EqualTo("Line one\r\n\tLine two"));
        });
    }

    private static DetermineCase DetermineCaseWith(string key, string details) =>
        new(key, true, [new DeterminedSanction(Sanction.DemotionOrReassignment, null, null, details)], Severity: 1, Occurrences: 1, Intent: "inadvertent");

    [Test]
    public async Task Dates_outside_1900_to_2200_are_refused_wherever_they_enter()
    {
        var board = await BeforeTheBoard(Db, Cast.Controller);

        var advice = Refusal(() => Db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Cfo, "Fraud", new DateOnly(1899, 12, 31), "Advised.")));
        var meeting = Refusal(() => Db.SendAs(Cast.AuditChair, new DetermineCase(board.Reference, false, [], MeetingDate: new DateOnly(9999, 12, 31))));
        var suspension = Refusal(() => Db.SendAs(Cast.AuditChair, new DetermineCase(board.Reference, true,
            [new DeterminedSanction(Sanction.SuspensionWithPay, new DateOnly(2026, 12, 1), new DateOnly(2201, 1, 1))], Severity: 1, Occurrences: 1, Intent: "inadvertent")));
        var form4 = Refusal(() => Db.SendAs(null, new CheckForm4([new Form4File("a.xml", "<x/>"u8.ToArray())], FilingTime.Parse("9999-12-31T23:59"))));

        Assert.Multiple(async () =>
        {
            Assert.That(advice.Keys, Is.EqualTo(new[] { "date" }));
            Assert.That(meeting.Keys, Is.EqualTo(new[] { "meetingDate" }));
            Assert.That(suspension.Keys, Does.Contain("sanctions[0].to"));
            Assert.That(form4.Keys, Is.EqualTo(new[] { "filed.date" }), "9999-12-31 23:59 used to overflow the next business day: a 500");
            Assert.That(await Db.Read(db => db.Cases.Where(c => c.Id == board.CaseId).Select(c => c.State).SingleAsync()), Is.EqualTo(CaseState.BoardDetermination));
        });
    }

    [Test]
    public async Task Enum_fields_take_names_in_any_case_and_never_numbers()
    {
        var intake = await Db.SendAs(Cast.Cfo, new FileConcern("codeofethicsviolation", "Gifts above the limit", null, []));

        var category = Refusal(() => Db.SendAs(Cast.Cfo, new FileConcern("3", "s", null, [])));
        var unknown = Refusal(() => Db.SendAs(null, new EthicsCases.Features.Anonymous.FileAnonymousReport("99", "s", null, [])));
        var trigger = Refusal(() => Db.SendAs(Cast.GeneralCounsel, new FireTrigger(intake.Reference, "0", null)));
        var role = Refusal(() => Db.SendAs(Cast.Admin, new AddPerson("new@test.example", "New", ["3"])));
        var adviceCategory = Refusal(() => Db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Cfo, "2", new DateOnly(2026, 1, 5), "Advised.")));
        var sanctionCategory = Refusal(() => Db.SendAs(null, new RecommendSanction(1, 1, "inadvertent", "no", 0, "4")));
        var accepted = await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(intake.Reference, "accept", null));

        Assert.Multiple(async () =>
        {
            Assert.That(await Db.Read(db => db.Cases.Where(c => c.Id == intake.CaseId).Select(c => c.Category).SingleAsync()), Is.EqualTo(ConcernCategory.CodeOfEthicsViolation));
            Assert.That(category.Keys, Is.EqualTo(new[] { "category" }));
            Assert.That(unknown.Keys, Is.EqualTo(new[] { "category" }));
            Assert.That(trigger.Keys, Is.EqualTo(new[] { "trigger" }));
            Assert.That(role.Keys, Is.EqualTo(new[] { "roles[0]" }));
            Assert.That(adviceCategory.Keys, Is.EqualTo(new[] { "category" }));
            Assert.That(sanctionCategory.Keys, Is.EqualTo(new[] { "category" }));
            Assert.That(accepted.State, Is.EqualTo(CaseState.GeneralCounselReview));
            Assert.That(await Db.Read(db => db.People.CountAsync(p => p.Email == "new@test.example")), Is.Zero);
        });
    }

    [Test]
    public void EnumNames_reads_names_only()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EnumNames.TryParse<Sanction>("censure", out var censure) && censure == Sanction.Censure, Is.True);
            Assert.That(EnumNames.TryParse<Sanction>("1", out _), Is.False);
            Assert.That(EnumNames.TryParse<Sanction>("Censure, Termination", out _), Is.False);
            Assert.That(EnumNames.TryParse<Sanction>(" Censure", out _), Is.False);
            Assert.That(EnumNames.TryParse<Sanction>(null, out _), Is.False);
        });
    }
}
