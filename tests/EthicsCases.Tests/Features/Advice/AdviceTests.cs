using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Advice;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Advice;

public sealed class AdviceTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task The_General_Counsel_records_advice_and_the_Audit_Committee_reads_it()
    {
        var entry = await Db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Cfo, "BooksAndRecords", new DateOnly(2026, 1, 5), "Accruals stay in their quarter"));
        await Db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Controller, "Fraud", new DateOnly(2026, 1, 6), "Originals only"));

        var forCfo = await Db.SendAs(Cast.AuditMember, new ListAdvice(Cast.Cfo));
        var all = await Db.SendAs(Cast.GeneralCounsel, new ListAdvice());

        Assert.Multiple(async () =>
        {
            Assert.That(entry.RecordedBy, Is.EqualTo(Cast.GeneralCounsel));
            Assert.That(forCfo.Select(a => (a.PersonEmail, a.Category, a.Date, a.Summary)),
                Is.EqualTo(new[] { (Cast.Cfo, ConcernCategory.BooksAndRecords, new DateOnly(2026, 1, 5), "Accruals stay in their quarter") }));
            Assert.That(all, Has.Count.EqualTo(2));
            Assert.That(await Db.Read(db => db.AuditEvents.CountAsync(e => e.Action == "AdviceRecorded")), Is.EqualTo(2));
        });
    }

    [Test]
    public void Only_the_General_Counsel_records_advice_and_officers_cannot_read_the_ledger()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(Cast.AuditChair, new RecordAdvice(Cast.Cfo, "Fraud", new DateOnly(2026, 1, 5), "x")), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.Cfo, new ListAdvice()), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Cfo, "Gossip", new DateOnly(2026, 1, 5), "x")),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("not a concern category"));
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Cfo, "Fraud", new DateOnly(2027, 1, 5), "x")),
                Throws.TypeOf<ValidationFailedException>().With.Message.Contains("future"));
        });
    }
}
