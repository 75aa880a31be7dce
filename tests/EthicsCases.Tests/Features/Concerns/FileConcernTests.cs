using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Concerns;

public sealed class FileConcernTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Filing_stores_the_case_in_Intake_routed_by_category_with_an_audit_event()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("BooksAndRecords", "Accrual moved to next quarter", "Details", [Cast.Controller]));

        var stored = await Db.Read(db => db.Cases.Include(c => c.History).SingleAsync(c => c.Id == filed.CaseId));
        Assert.Multiple(() =>
        {
            Assert.That(filed.Reference, Is.EqualTo("EC-2026-0001"));
            Assert.That(filed.State, Is.EqualTo(CaseState.Intake));
            Assert.That(filed.RoutedTo, Is.EqualTo(new[] { Role.GeneralCounsel, Role.AuditCommittee }));
            Assert.That(stored.Subjects, Has.Count.EqualTo(1));
            Assert.That(stored.History.Single().Action, Is.EqualTo("Filed"));
            Assert.That(stored.History.Single().Actor, Is.EqualTo(Cast.Cfo));
        });
    }

    [Test]
    public async Task References_count_up_within_the_year()
    {
        var first = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "One", null, []));
        var second = await Db.SendAs(Cast.Controller, new FileConcern("Fraud", "Two", null, []));
        Assert.That((first.Reference, second.Reference), Is.EqualTo(("EC-2026-0001", "EC-2026-0002")));
    }

    [Test]
    public async Task People_filing_at_the_same_moment_all_succeed_with_distinct_references()
    {
        var filed = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            await Db.SendAs(i % 2 == 0 ? Cast.Cfo : Cast.Controller, new FileConcern("Fraud", $"Concern {i}", null, [])))));

        var stored = await Db.Read(db => db.Cases.Select(c => c.Reference).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(filed.Select(f => f.Reference), Is.Unique);
            Assert.That(stored, Is.EquivalentTo(Enumerable.Range(1, 8).Select(n => $"EC-2026-{n:D4}")));
        });
    }

    [Test]
    public void Unknown_category_and_missing_summary_are_rejected_by_field()
    {
        var error = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(Cast.Cfo, new FileConcern("Gossip", "", null, [])));
        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "category", "summary" }));
        Assert.That(error.Errors["category"][0], Does.Contain("DisclosureMatter"));
    }

    [Test]
    public async Task A_subject_outside_the_directory_is_rejected_and_nothing_is_stored()
    {
        Assert.That(() => Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "x", null, ["nobody@test.example"])),
            Throws.TypeOf<ValidationFailedException>().With.Message.Contains("nobody@test.example"));
        Assert.That(await Db.Read(db => db.Cases.CountAsync()), Is.Zero);
    }

    [Test]
    public void Someone_outside_the_directory_cannot_file()
    {
        Assert.That(() => Db.SendAs("stranger@test.example", new FileConcern("Fraud", "x", null, [])), Throws.TypeOf<ForbiddenException>());
    }

    [Test]
    public async Task Concern_naming_the_General_Counsel_goes_to_the_Audit_Committee_and_is_invisible_to_the_General_Counsel()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "GC conflict of interest", null, [Cast.GeneralCounsel]));
        Assert.That(filed.RoutedTo, Is.EqualTo(new[] { Role.AuditCommittee }));

        var accepted = await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Accept", null));
        Assert.That(accepted.State, Is.EqualTo(CaseState.AuditCommitteeReview));

        var notFound = Assert.ThrowsAsync<NotFoundException>(() => Db.SendAs(Cast.GeneralCounsel, new ShowCase(filed.Reference)));
        Assert.That(notFound!.Message, Does.Contain("not found"));
        Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Dismiss", "mine")), Throws.TypeOf<NotFoundException>());
        Assert.That((await Db.SendAs(Cast.GeneralCounsel, new ListCases())).Select(c => c.CaseId), Does.Not.Contain(filed.CaseId));
    }
}
