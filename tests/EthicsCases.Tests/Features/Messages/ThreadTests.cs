using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Messages;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Messages;

public sealed class ThreadTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task A_private_note_is_read_by_reviewers_and_never_reaches_the_reporter()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Undisclosed supplier", null, [Cast.Controller]));
        await Db.SendAs(Cast.GeneralCounsel, new PostMessage(filed.Reference, "Checked the conflict register: nothing filed.", SharedWithReporter: false));
        Db.Clock.Advance(TimeSpan.FromMinutes(5));
        await Db.SendAs(Cast.GeneralCounsel, new PostMessage(filed.Reference, "Could you send the approval e-mail?", SharedWithReporter: true));

        var reviewer = await Db.SendAs(Cast.GeneralCounsel, new ShowThread(filed.Reference));
        var reporter = await Db.SendAs(Cast.Cfo, new ShowThread(filed.Reference));
        Assert.Multiple(() =>
        {
            Assert.That(reviewer.Select(m => m.Text), Is.EqualTo(new[] { "Checked the conflict register: nothing filed.", "Could you send the approval e-mail?" }));
            Assert.That(reporter.Select(m => m.Text), Is.EqualTo(new[] { "Could you send the approval e-mail?" }));
            Assert.That(reporter.Single().Author, Is.EqualTo("Reviewer"), "the reporter does not learn reviewers' names");
            Assert.That(reviewer[1].Author, Is.Not.EqualTo("Reviewer"));
        });
    }

    [Test]
    public async Task The_reporter_s_message_is_always_shared_and_audited_with_a_hash_of_its_text()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Duplicated receipts", null, []));

        var posted = await Db.SendAs(Cast.Cfo, new PostMessage(filed.Reference, "The receipts are in the March batch.", SharedWithReporter: false));

        var events = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == filed.CaseId).OrderBy(e => e.Id).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(posted.SharedWithReporter, Is.True);
            Assert.That(events.Last().Action, Is.EqualTo("ReporterMessage"));
            Assert.That(events.Last().Data, Does.Contain(posted.MessageId.ToString()).And.Not.Contain("March batch"));
        });
    }

    [Test]
    public async Task A_subject_cannot_read_or_write_the_thread_of_a_case_naming_them()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Gifts above limits", null, [Cast.GeneralCounsel]));

        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new ShowThread(filed.Reference)), Throws.TypeOf<NotFoundException>());
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new PostMessage(filed.Reference, "hello", true)), Throws.TypeOf<NotFoundException>());
        });
        Assert.That(await Db.Read(db => db.CaseMessages.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Someone_who_neither_reported_nor_reviews_the_case_may_not_write()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Fictitious vendor", null, []));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "RequestBoardDetermination", null));

        // A director sees a case referred to the Board, but only reviewers and the reporter write in its thread:
        // the Board reviews it, so the director may write; the other officer sees nothing at all.
        Assert.That(() => Db.SendAs(Cast.Controller, new PostMessage(filed.Reference, "hello", true)), Throws.TypeOf<NotFoundException>());
        var byDirector = await Db.SendAs(Cast.Director, new PostMessage(filed.Reference, "Noted for the Board meeting.", false));
        Assert.That(byDirector.SharedWithReporter, Is.False);
    }

    [Test]
    public async Task An_empty_message_is_refused_and_nothing_is_stored()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Scrap sales", null, []));
        var before = await Db.AuditCount(filed.CaseId);

        var error = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(Cast.Cfo, new PostMessage(filed.Reference, "  ", true)));

        Assert.That(error!.Errors.Keys, Is.EqualTo(new[] { "text" }));
        Assert.That(await Db.AuditCount(filed.CaseId), Is.EqualTo(before));
        Assert.That(await Db.Read(db => db.CaseMessages.CountAsync()), Is.Zero);
    }
}
