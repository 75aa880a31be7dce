using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Dashboard;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Features.Dashboard;

public sealed class DashboardTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Open_cases_are_counted_by_state_and_category_with_every_row_present()
    {
        await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "One", null, []));
        var accepted = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Two", null, []));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(accepted.Reference, "Accept", null));
        var dismissed = await Db.SendAs(Cast.Cfo, new FileConcern("DisclosureMatter", "Three", null, []));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(dismissed.Reference, "Dismiss", "Duplicate."));

        var view = await Db.SendAs(Cast.AuditMember, new ShowDashboard());

        Assert.Multiple(() =>
        {
            Assert.That((view.Open, view.Closed), Is.EqualTo((2, 1)));
            Assert.That(view.ByState.Select(s => s.State), Is.EqualTo(Enum.GetValues<CaseState>().Where(s => s != CaseState.Closed)));
            Assert.That(view.ByState.Single(s => s.State == CaseState.Intake).Count, Is.EqualTo(1));
            Assert.That(view.ByState.Single(s => s.State == CaseState.AuditCommitteeReview).Count, Is.EqualTo(1));
            Assert.That(view.ByCategory.Single(c => c.Category == ConcernCategory.Fraud).Count, Is.EqualTo(2));
            Assert.That(view.ByCategory, Has.Count.EqualTo(Enum.GetValues<ConcernCategory>().Length));
        });
    }

    [Test]
    public async Task A_member_named_in_a_case_does_not_count_it()
    {
        await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "About the member", null, [Cast.AuditMember]));
        await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "About nobody", null, []));

        var member = await Db.SendAs(Cast.AuditMember, new ShowDashboard());
        var chair = await Db.SendAs(Cast.AuditChair, new ShowDashboard());
        Assert.That((member.Open, chair.Open), Is.EqualTo((1, 2)));
    }

    [Test]
    public void Only_the_Audit_Committee_sees_the_dashboard()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new ShowDashboard()), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.Cfo, new ShowDashboard()), Throws.TypeOf<ForbiddenException>());
        });
    }
}
