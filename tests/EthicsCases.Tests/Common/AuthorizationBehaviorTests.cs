using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Anonymous;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Demo;
using EthicsCases.Features.People;
using EthicsCases.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Common;

/// <summary>The pipeline authorizes every message before it validates it, refuses undeclared ones, and bootstraps the directory.</summary>
public sealed class AuthorizationBehaviorTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public void Authorization_runs_before_validation_so_a_refused_caller_hears_nothing_about_the_input()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(null, new FileConcern("Gossip", "", null, [])), Throws.TypeOf<ForbiddenException>(), "nobody signed in");
            Assert.That(() => Db.SendAs(Cast.Cfo, new AddPerson("not-an-email", "", ["Janitor"])), Throws.TypeOf<ForbiddenException>(), "an officer adding people");
            Assert.That(() => Db.SendAs(Cast.Cfo, new FireTrigger("EC-2099-0001", "Explode", new string('x', 5000))), Throws.TypeOf<NotFoundException>(),
                "a case the caller cannot see is not found before the trigger is judged");
            Assert.That(() => Db.SendAs(null, new ReplyAnonymously("AR-0000-0000-0000-0000", "WRONG-PASSWORD", new string('x', 9000))),
                Throws.TypeOf<NotFoundException>(), "a wrong credential before a reply that is too long");
        });
    }

    [Test]
    public async Task An_anonymous_credential_is_verified_in_the_pipeline_and_opens_only_its_own_case()
    {
        var receipt = await Db.SendAs(null, new FileAnonymousReport("Fraud", "Scrap proceeds not deposited", null, []));

        var status = await Db.SendAs(null, new CheckAnonymousReport(receipt.ReportKey, receipt.Password));

        Assert.Multiple(() =>
        {
            Assert.That(status.Reference, Is.EqualTo(receipt.Reference));
            Assert.That(() => Db.SendAs(null, new CheckAnonymousReport(receipt.ReportKey, new string('P', 10_000))), Throws.TypeOf<NotFoundException>());
            Assert.That(() => Db.SendAs(null, new CheckAnonymousReport(receipt.ReportKey + "\0", receipt.Password)), Throws.TypeOf<NotFoundException>());
        });
    }

    private sealed record Undeclared : IQuery<int>;

    private sealed record OperatorOnly : IQuery<int>, IOperatorRequest;

    [TestCase(Channels.Web)]
    [TestCase(Channels.Api)]
    public async Task An_operator_s_command_is_refused_through_the_web_whatever_the_mapping(string channel)
    {
        await using var scope = Db.Scope(Cast.Admin);
        var actor = scope.ServiceProvider.GetRequiredService<ActorContext>();
        actor.Channel = channel;
        var behavior = new AuthorizationBehavior<OperatorOnly, int>(actor, scope.ServiceProvider.GetRequiredService<EthicsDbContext>(),
            scope.ServiceProvider.GetRequiredService<EthicsCases.Security.AnonymousPasswordHasher>());
        var reached = false;

        Assert.ThrowsAsync<ForbiddenException>(async () =>
            await behavior.Handle(new OperatorOnly(), (_, _) => { reached = true; return ValueTask.FromResult(1); }, CancellationToken.None));
        Assert.That(reached, Is.False);

        actor.Channel = Channels.Cli;
        Assert.That(await behavior.Handle(new OperatorOnly(), (_, _) => ValueTask.FromResult(7), CancellationToken.None), Is.EqualTo(7));
    }

    [Test]
    public async Task A_message_that_declares_no_rule_is_refused_before_anything_runs()
    {
        await using var scope = Db.Scope(Cast.AuditChair);
        var behavior = new AuthorizationBehavior<Undeclared, int>(
            scope.ServiceProvider.GetRequiredService<ActorContext>(), scope.ServiceProvider.GetRequiredService<EthicsDbContext>(),
            scope.ServiceProvider.GetRequiredService<EthicsCases.Security.AnonymousPasswordHasher>());
        var reached = false;

        var refusal = Assert.ThrowsAsync<ForbiddenException>(async () =>
            await behavior.Handle(new Undeclared(), (_, _) => { reached = true; return ValueTask.FromResult(1); }, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.Message, Does.Contain("declares no authorization rule"));
            Assert.That(reached, Is.False);
        });
    }

    [Test]
    public async Task A_fresh_directory_takes_people_from_anyone_until_its_first_Administrator_and_then_only_from_an_Administrator()
    {
        await using var fresh = await TestDatabase.CreateAsync(Provider);

        await fresh.SendAs(null, new AddPerson("cfo@fresh.example", "Casey", ["Officer"]));
        await fresh.SendAs(null, new AddPerson("admin@fresh.example", "Ada", ["Administrator"]));

        Assert.Multiple(async () =>
        {
            Assert.That(() => fresh.SendAs(null, new AddPerson("late@fresh.example", "Late", ["Officer"])), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => fresh.SendAs("cfo@fresh.example", new AddPerson("late@fresh.example", "Late", ["Officer"])),
                Throws.TypeOf<ForbiddenException>().With.Message.Contains("Administrator"));
            Assert.That(() => fresh.SendAs(null, new SeedDemo(1)), Throws.TypeOf<ForbiddenException>(), "the demo loader too");
            Assert.That((await fresh.SendAs("admin@fresh.example", new AddPerson("late@fresh.example", "Late", ["Officer"]))).PersonId, Is.Not.EqualTo(Guid.Empty));
            Assert.That(await fresh.Read(db => db.People.CountAsync()), Is.EqualTo(3));
            Assert.That(await fresh.Read(db => db.Cases.CountAsync()), Is.Zero);
        });
    }

    [Test]
    public async Task The_demo_loads_on_a_fresh_database_without_anyone()
    {
        await using var fresh = await TestDatabase.CreateAsync(Provider);

        var seeded = await fresh.SendAs(null, new SeedDemo(3, Seed: 1));

        Assert.That(seeded.Cases, Is.EqualTo(3));
    }

    [Test]
    public void The_directory_is_for_directory_people()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(() => Db.SendAs(null, new ListPeople()), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs("stranger@test.example", new ListPeople()), Throws.TypeOf<ForbiddenException>());
            Assert.That(await Db.SendAs(Cast.Cfo, new ListPeople()), Has.Count.EqualTo(7));
        });
    }
}
