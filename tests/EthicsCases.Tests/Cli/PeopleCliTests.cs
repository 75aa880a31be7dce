using System.Text.Json;
using EthicsCases.Cli;
using EthicsCases.Common;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Cli;

/// <summary><c>ethics people update|deactivate|list</c> run as an administrator; <c>demo seed</c> only in Development.</summary>
public sealed class PeopleCliTests
{
    private TestDatabase _db = null!;
    private CliHarness _ethics = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await TestDatabase.CreateAsync(EthicsCases.Data.DatabaseProvider.Sqlite);
        _ethics = new CliHarness(_db);
        // A fresh database's first administrator comes from 'people add', which needs no --as.
        _ = (await _ethics.Run("people", "add", "--email", Cast.Admin, "--name", "Ada Admin", "--role", "Administrator", "--json")).Json;
        _ = (await _ethics.Run("people", "add", "--email", Cast.AuditChair, "--name", "Avery Chair", "--role", "AuditCommittee", "--role", "Board", "--as", Cast.Admin, "--json")).Json;
        _ = (await _ethics.Run("people", "add", "--email", Cast.Cfo, "--name", "Casey Officer", "--role", "Officer", "--title", "CFO", "--as", Cast.Admin, "--json")).Json;
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task List_prints_every_person_with_roles_state_and_link()
    {
        var list = (await _ethics.Run("people", "list", "--as", Cast.Admin, "--json")).Json;
        var cfo = list.EnumerateArray().Single(p => p.GetProperty("email").GetString() == Cast.Cfo);

        Assert.Multiple(() =>
        {
            Assert.That(list.GetArrayLength(), Is.EqualTo(3));
            Assert.That(cfo.GetProperty("name").GetString(), Is.EqualTo("Casey Officer"));
            Assert.That(cfo.GetProperty("title").GetString(), Is.EqualTo("CFO"));
            Assert.That(cfo.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "Officer" }));
            Assert.That(cfo.GetProperty("active").GetBoolean(), Is.True);
            Assert.That(cfo.GetProperty("linked").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task Update_replaces_the_roles_and_takes_effect_on_the_next_command()
    {
        var ledgerBefore = await _ethics.Run("advice", "list", "--as", Cast.AuditChair, "--json");
        var updated = (await _ethics.Run("people", "update", "--email", Cast.AuditChair, "--role", "Board", "--as", Cast.Admin, "--json")).Json;
        var ledgerAfter = await _ethics.Run("advice", "list", "--as", Cast.AuditChair, "--json");

        Assert.Multiple(() =>
        {
            Assert.That(ledgerBefore.ExitCode, Is.Zero, ledgerBefore.Stderr);
            Assert.That(updated.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "Board" }));
            Assert.That(ledgerAfter.ExitCode, Is.EqualTo(EthicsCli.Rejected), "the Audit Committee role is gone");
            Assert.That(ledgerAfter.Stderr, Does.Contain("AuditCommittee"));
        });
    }

    [Test]
    public async Task Deactivate_needs_a_reason_and_then_the_person_acts_on_nothing()
    {
        var noReason = await _ethics.Run("people", "deactivate", "--email", Cast.Cfo, "--as", Cast.Admin);
        var done = (await _ethics.Run("people", "deactivate", "--email", Cast.Cfo, "--reason", "Left the company.", "--as", Cast.Admin, "--json")).Json;
        var acting = await _ethics.Run("concern", "file", "--category", "Fraud", "--summary", "After leaving", "--reporter", Cast.Cfo, "--json");
        var listing = await _ethics.Run("case", "list", "--as", Cast.Cfo, "--json");
        var events = await _db.Read(db => db.AuditEvents.Where(e => e.CaseId == null).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(noReason.ExitCode, Is.EqualTo(EthicsCli.Usage));
            Assert.That(done.GetProperty("active").GetBoolean(), Is.False);
            Assert.That(done.GetProperty("deactivatedAt").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(acting.ExitCode, Is.EqualTo(EthicsCli.Rejected), acting.Stdout);
            Assert.That(listing.ExitCode, Is.EqualTo(EthicsCli.Rejected));
            Assert.That(listing.Stderr, Does.Contain("not in the directory"));
            Assert.That(events[^1], Is.EqualTo("PersonDeactivated"));
        });
    }

    [Test]
    public async Task Only_an_administrator_may_change_the_directory()
    {
        var update = await _ethics.Run("people", "update", "--email", Cast.Cfo, "--role", "AuditCommittee", "--as", Cast.Cfo);
        var list = await _ethics.Run("people", "list", "--as", Cast.AuditChair);
        var missingAs = await _ethics.Run("people", "list");

        Assert.Multiple(() =>
        {
            Assert.That(update.ExitCode, Is.EqualTo(EthicsCli.Rejected));
            Assert.That(update.Stderr, Does.Contain("Administrator"));
            Assert.That(list.ExitCode, Is.EqualTo(EthicsCli.Rejected));
            Assert.That(missingAs.ExitCode, Is.EqualTo(EthicsCli.Usage));
        });
    }

    [Test]
    public async Task Linking_an_Entra_account_needs_both_ids_named_as_options()
    {
        var half = await _ethics.Run("people", "update", "--email", Cast.Cfo, "--tenant-id", Guid.NewGuid().ToString(), "--as", Cast.Admin);
        var tenant = Guid.NewGuid().ToString();
        var oid = Guid.NewGuid().ToString();
        var linked = (await _ethics.Run("people", "update", "--email", Cast.Cfo, "--tenant-id", tenant, "--object-id", oid, "--as", Cast.Admin, "--json")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(half.ExitCode, Is.EqualTo(EthicsCli.Rejected));
            Assert.That(half.Stderr, Does.Contain("--object-id"));
            Assert.That(linked.GetProperty("linked").GetBoolean(), Is.True);
            Assert.That(linked.GetProperty("objectId").GetString(), Is.EqualTo(oid));
        });
    }

    [TestCase("Production")]
    [TestCase("Staging")]
    public async Task Demo_seed_refuses_outside_Development(string environment)
    {
        var ethics = new CliHarness(_db, new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = environment });
        var refused = await ethics.Run("demo", "seed", "--cases", "5", "--json");
        Assert.Multiple(async () =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(EthicsCli.Rejected));
            Assert.That(refused.Stderr, Does.Contain("only in Development"));
            Assert.That(refused.Stdout, Is.Empty);
            Assert.That(await _db.Read(db => db.Cases.CountAsync()), Is.Zero);
        });
    }

    [Test]
    public async Task Demo_seed_runs_in_Development()
    {
        var ethics = new CliHarness(_db, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
        var seeded = (await ethics.Run("demo", "seed", "--cases", "5", "--as", Cast.Admin, "--json")).Json;
        Assert.That(seeded.GetProperty("cases").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public void The_command_line_acts_through_the_cli_channel_as_the_operating_system_user()
    {
        var actor = new ActorContext();
        CommandRunner.Identify(actor, Cast.Admin);
        Assert.That((actor.Email, actor.Channel, actor.OsUser), Is.EqualTo((Cast.Admin, Channels.Cli, Environment.UserName)));
    }
}
