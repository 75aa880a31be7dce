using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Features.Cases;

public sealed class ListCasesTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Each_person_sees_only_the_cases_the_SOP_lets_them_see()
    {
        var books = await Db.SendAs(Cast.Cfo, new FileConcern("BooksAndRecords", "GC-routed", null, []));
        var fraud = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "AC only", null, []));
        var aboutGc = await Db.SendAs(Cast.Controller, new FileConcern("CodeOfEthicsViolation", "About the GC", null, [Cast.GeneralCounsel]));
        var aboutChair = await Db.SendAs(Cast.Controller, new FileConcern("Fraud", "About the AC chair", null, [Cast.AuditChair]));
        await Db.SendAs(Cast.AuditMember, new FireTrigger(fraud.Reference, "Accept", null));
        await Db.SendAs(Cast.AuditMember, new FireTrigger(fraud.Reference, "RequestBoardDetermination", null));

        async Task<string[]> Seen(string who) => (await Db.SendAs(who, new ListCases())).Select(c => c.Reference).ToArray();

        Assert.Multiple(async () =>
        {
            Assert.That(await Seen(Cast.Cfo), Is.EquivalentTo(new[] { books.Reference, fraud.Reference }), "a reporter sees their own reports");
            Assert.That(await Seen(Cast.Controller), Is.EquivalentTo(new[] { aboutGc.Reference, aboutChair.Reference }));
            Assert.That(await Seen(Cast.GeneralCounsel), Is.EquivalentTo(new[] { books.Reference }), "routed to the GC, not naming the GC");
            Assert.That(await Seen(Cast.AuditMember), Is.EquivalentTo(new[] { books.Reference, fraud.Reference, aboutGc.Reference, aboutChair.Reference }));
            Assert.That(await Seen(Cast.AuditChair), Is.EquivalentTo(new[] { books.Reference, fraud.Reference, aboutGc.Reference }), "recused from the case naming them");
            Assert.That(await Seen(Cast.Director), Is.EquivalentTo(new[] { fraud.Reference }), "the Board sees what was referred to it");
            Assert.That(await Seen(Cast.Admin), Is.Empty, "the administrator keeps the directory, not the cases");
        });
    }

    [Test]
    public async Task A_reporter_sees_progress_but_not_who_reviewed_or_why()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("BooksAndRecords", "x", null, []));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Accept", null));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "ReferToAuditCommittee", "Privileged assessment"));

        var asReporter = await Db.SendAs(Cast.Cfo, new ShowCase(filed.Reference));
        Assert.Multiple(() =>
        {
            Assert.That(asReporter.State, Is.EqualTo(CaseState.AuditCommitteeReview));
            Assert.That(asReporter.IsReviewer, Is.False);
            Assert.That(asReporter.History.Select(h => h.Reason), Is.All.Null);
            Assert.That(asReporter.History.Skip(1).Select(h => h.Actor), Is.All.Null);
            Assert.That(asReporter.History[0].Actor, Is.EqualTo(Cast.Cfo), "their own filing is theirs to see");
        });
    }
}
