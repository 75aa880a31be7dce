using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Anonymous;
using EthicsCases.Features.Messages;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Anonymous;

public sealed class AnonymousReportTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task An_anonymous_report_is_routed_like_any_concern_and_keeps_only_hashes_of_its_credentials()
    {
        var receipt = await Db.SendAs(null, new FileAnonymousReport("CodeOfEthicsViolation", "Gifts above policy limits", "At the March dinner.", [Cast.Controller]));

        var stored = await Db.Read(db => db.Cases.Include(c => c.History).SingleAsync(c => c.Reference == receipt.Reference));
        var credential = await Db.Read(db => db.AnonymousCredentials.SingleAsync(a => a.CaseId == stored.Id));
        Assert.Multiple(() =>
        {
            Assert.That(receipt.State, Is.EqualTo(CaseState.Intake));
            Assert.That(stored.ReporterId, Is.Null);
            Assert.That(stored.RoutedTo, Is.EqualTo(new[] { Role.GeneralCounsel, Role.AuditCommittee }));
            Assert.That(stored.History.Single().Actor, Is.EqualTo(EthicsCase.AnonymousReporter));
            Assert.That(credential.KeyHash, Does.Not.Contain(receipt.ReportKey));
            Assert.That(credential.PasswordHash, Does.Not.Contain(receipt.Password));
            Assert.That(receipt.ReportKey, Does.StartWith("AR-"));
        });
    }

    [Test]
    public async Task The_reporter_follows_progress_and_the_shared_messages_but_not_the_notes()
    {
        var receipt = await Db.SendAs(null, new FileAnonymousReport("Fraud", "Fictitious freight vendor", null, []));
        await Db.SendAs(Cast.AuditChair, new PostMessage(receipt.Reference, "Reviewers' note: call the vendor.", false));
        await Db.SendAs(Cast.AuditChair, new PostMessage(receipt.Reference, "Which months were affected?", true));
        Db.Clock.Advance(TimeSpan.FromHours(2));

        await Db.SendAs(null, new ReplyAnonymously(receipt.ReportKey, receipt.Password, "January to April."));
        var status = await Db.SendAs(null, new CheckAnonymousReport(receipt.ReportKey.ToLowerInvariant(), receipt.Password));

        Assert.Multiple(() =>
        {
            Assert.That(status.Reference, Is.EqualTo(receipt.Reference));
            Assert.That(status.Messages.Select(m => m.Text), Is.EqualTo(new[] { "Which months were affected?", "January to April." }));
            Assert.That(status.Messages[0].Author, Is.EqualTo("Reviewer"));
        });
    }

    [Test]
    public async Task A_wrong_password_and_an_unknown_key_get_the_same_answer()
    {
        var receipt = await Db.SendAs(null, new FileAnonymousReport("Fraud", "Scrap proceeds", null, []));

        var wrongPassword = Assert.ThrowsAsync<NotFoundException>(() => Db.SendAs(null, new CheckAnonymousReport(receipt.ReportKey, "WRONG-PASS")));
        var unknownKey = Assert.ThrowsAsync<NotFoundException>(() => Db.SendAs(null, new CheckAnonymousReport("AR-0000-0000-0000-0000", receipt.Password)));
        Assert.That(wrongPassword!.Message, Is.EqualTo(unknownKey!.Message));

        Assert.That(() => Db.SendAs(null, new ReplyAnonymously(receipt.ReportKey, "WRONG-PASS", "hello")), Throws.TypeOf<NotFoundException>());
        Assert.That(await Db.Read(db => db.CaseMessages.CountAsync()), Is.Zero);
    }

    [Test]
    public void A_report_without_a_summary_or_with_an_unknown_category_is_refused_and_nothing_is_stored()
    {
        var error = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(null, new FileAnonymousReport("Rumour", "", null, [])));
        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "category", "summary" }));
        Assert.That(async () => await Db.Read(db => db.Cases.CountAsync()), Is.Zero);
    }
}
