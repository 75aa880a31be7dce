using EthicsCases.Data;
using EthicsCases.Features.Audit;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Audit;

public sealed class VerifyAuditTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task An_untouched_trail_verifies()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "x", null, []));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));

        var result = await Db.SendAs(null, new VerifyAudit());
        Assert.Multiple(() =>
        {
            Assert.That(result.Valid, Is.True);
            Assert.That(result.Events, Is.EqualTo(7 + 2), "seven people added, the filing, the acceptance");
            Assert.That(result.FirstInvalidEvent, Is.Null);
        });
    }

    [Test]
    public async Task An_edited_reason_is_detected()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "x", null, []));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Dismiss", "Duplicate"));
        var dismissal = await Db.Read(db => db.AuditEvents.SingleAsync(e => e.CaseId == filed.CaseId && e.Action == "Dismiss"));
        await Db.Read(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Reason\" = 'Nothing to see' WHERE \"Id\" = {dismissal.Id}"));

        var result = await Db.SendAs(null, new VerifyAudit());
        Assert.That((result.Valid, result.FirstInvalidEvent), Is.EqualTo((false, (long?)dismissal.Id)));
    }

    [Test]
    public async Task A_deleted_newest_event_is_detected()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "x", null, []));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Dismiss", "Duplicate"));
        await Db.Read(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"CaseId\" = {filed.CaseId} AND \"Action\" = 'Dismiss'"));

        Assert.That((await Db.SendAs(null, new VerifyAudit())).Valid, Is.False);
    }
}
