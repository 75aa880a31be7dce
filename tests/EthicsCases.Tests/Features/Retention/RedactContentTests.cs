using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Audit;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Messages;
using EthicsCases.Features.Retention;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Retention;

public sealed class RedactContentTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task A_reviewer_redacts_a_passage_of_a_message_for_good_and_the_record_shows_who_and_why()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Invoices paid twice", null, []));
        var posted = await Db.SendAs(Cast.Cfo, new PostMessage(filed.Reference, "Marta Quill signed them; ask Marta Quill's deputy.", false));

        var redacted = await Db.SendAs(Cast.AuditChair, new RedactContent(filed.Reference, posted.MessageId.ToString(), "Marta Quill", "Names a bystander"));

        var thread = await Db.SendAs(Cast.AuditChair, new ShowThread(filed.Reference));
        var shown = await Db.SendAs(Cast.AuditChair, new ShowCase(filed.Reference));
        var verified = await Db.SendAs(null, new VerifyAudit());
        Assert.Multiple(() =>
        {
            Assert.That(thread.Single().Text, Is.EqualTo("[redacted] signed them; ask [redacted]'s deputy."));
            Assert.That(redacted.AfterSha256, Is.EqualTo(ContentHash.Of("[redacted] signed them; ask [redacted]'s deputy.")));
            Assert.That(shown.History[^1], Is.EqualTo(shown.History[^1] with { Trigger = "Redacted", Actor = Cast.AuditChair, Reason = "Names a bystander" }));
            Assert.That(verified.Problems, Is.Empty);
        });
    }

    [Test]
    public async Task A_reviewer_redacts_a_passage_of_the_account_and_the_record_still_verifies()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Invoices paid twice", "Paid twice; my home address is 12 Elm Road.", []));

        await Db.SendAs(Cast.AuditMember, new RedactContent(filed.Reference, "details", "12 Elm Road", "Reporter's home address"));

        var shown = await Db.SendAs(Cast.AuditChair, new ShowCase(filed.Reference));
        var redactedEvent = await Db.Read(db => db.AuditEvents.SingleAsync(e => e.CaseId == filed.CaseId && e.Action == "Redacted"));
        var verified = await Db.SendAs(null, new VerifyAudit());
        Assert.Multiple(() =>
        {
            Assert.That(shown.Details, Is.EqualTo("Paid twice; my home address is [redacted]."));
            Assert.That(redactedEvent.Data, Does.Contain("\"target\":\"details\"").And.Not.Contain("Elm"));
            Assert.That(verified.Problems, Is.Empty);
        });
    }

    [Test]
    public async Task An_edit_of_a_redacted_account_outside_the_application_is_caught()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Invoices paid twice", "Paid twice by Marta Quill.", []));
        var before = await Db.Read(db => db.Cases.AsNoTracking().Where(c => c.Id == filed.CaseId).Select(c => c.SealedDetails).SingleAsync());
        await Db.SendAs(Cast.AuditMember, new RedactContent(filed.Reference, "details", "Marta Quill", "Bystander"));

        // Restoring the sealed account from before the redaction (a backup) is a change the record does not hold.
        await Db.Read(db => db.Database.ExecuteSqlAsync($"UPDATE \"Cases\" SET \"Details\" = {before} WHERE \"Id\" = {filed.CaseId}"));

        var verified = await Db.SendAs(null, new VerifyAudit());
        Assert.That(verified.Problems.Select(p => p.Kind), Does.Contain("CaseContent"));
    }

    [Test]
    public async Task Redaction_by_someone_who_does_not_review_the_case_is_refused()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Invoices paid twice", "Paid twice by Marta Quill.", [Cast.AuditMember]));

        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(Cast.Cfo, new RedactContent(filed.Reference, "details", "Marta Quill", "x")), Throws.TypeOf<ForbiddenException>(), "the reporter");
            Assert.That(() => Db.SendAs(Cast.Director, new RedactContent(filed.Reference, "details", "Marta Quill", "x")), Throws.TypeOf<NotFoundException>(),
                "the Board before the case is referred to it");
            Assert.That(() => Db.SendAs(Cast.AuditMember, new RedactContent(filed.Reference, "details", "Marta Quill", "x")), Throws.TypeOf<NotFoundException>(), "a subject");
        });
        Assert.That(await Db.Read(db => db.AuditEvents.CountAsync(e => e.CaseId == filed.CaseId && e.Action == "Redacted")), Is.Zero);
    }

    [Test]
    public async Task A_passage_not_in_the_text_is_refused_and_nothing_changes()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Invoices paid twice", "Paid twice by Marta Quill.", []));
        var events = await Db.AuditCount(filed.CaseId);

        Assert.That(() => Db.SendAs(Cast.AuditChair, new RedactContent(filed.Reference, "details", "marta quill", "Bystander")),
            Throws.TypeOf<ValidationFailedException>().With.Property(nameof(ValidationFailedException.Errors)).ContainKey("passage"));
        Assert.That(() => Db.SendAs(Cast.AuditChair, new RedactContent(filed.Reference, "details", "Marta Quill", "")),
            Throws.TypeOf<ValidationFailedException>().With.Property(nameof(ValidationFailedException.Errors)).ContainKey("reason"));
        Assert.That(() => Db.SendAs(Cast.AuditChair, new RedactContent(filed.Reference, "summary", "Invoices", "x")),
            Throws.TypeOf<ValidationFailedException>().With.Property(nameof(ValidationFailedException.Errors)).ContainKey("target"));

        var shown = await Db.SendAs(Cast.AuditChair, new ShowCase(filed.Reference));
        Assert.That((shown.Details, await Db.AuditCount(filed.CaseId)), Is.EqualTo(("Paid twice by Marta Quill.", events)));
    }
}
