using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Cli;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class CliTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private CliHarness _ethics = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _ethics = new CliHarness(_db);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    [Test]
    public async Task Db_migrate_reports_what_it_applied_and_then_nothing()
    {
        var again = await _ethics.Run("db", "migrate", "--json");
        Assert.That(again.Json.GetProperty("applied").GetArrayLength(), Is.Zero, "the fixture already migrated");
    }

    [Test]
    public async Task Case_list_prints_an_array_and_with_limit_a_page_whose_cursor_leads_on()
    {
        await _ethics.Run("demo", "seed", "--cases", "5", "--seed", "3", "--json");

        var all = (await _ethics.Run("case", "list", "--as", "ac.chair@alto.example", "--json")).Json;
        var first = (await _ethics.Run("case", "list", "--as", "ac.chair@alto.example", "--limit", "3", "--json")).Json;
        var rest = (await _ethics.Run("case", "list", "--as", "ac.chair@alto.example", "--after", first.GetProperty("next").GetString()!, "--json")).Json;
        var tooMany = await _ethics.Run("case", "list", "--as", "ac.chair@alto.example", "--limit", "201", "--json");

        static IEnumerable<string?> Refs(JsonElement items) => items.EnumerateArray().Select(c => c.GetProperty("reference").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(all.ValueKind, Is.EqualTo(JsonValueKind.Array), "scripts keep their array");
            Assert.That(Refs(first.GetProperty("items")).Concat(Refs(rest.GetProperty("items"))), Is.EqualTo(Refs(all)));
            Assert.That(rest.GetProperty("next").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(tooMany.ExitCode, Is.EqualTo(1));
            Assert.That(tooMany.Stderr, Does.Contain("--limit"));
        });
    }

    [Test]
    public async Task The_General_Counsel_lists_exactly_the_cases_routed_to_them_that_do_not_name_them()
    {
        var seeded = await _ethics.Run("demo", "seed", "--cases", "1000", "--seed", "7", "--json");
        Assert.That(seeded.Json.GetProperty("cases").GetInt32(), Is.EqualTo(1000));

        var listed = (await _ethics.Run("case", "list", "--as", "gc@alto.example", "--json")).Json
            .EnumerateArray().Select(c => c.GetProperty("reference").GetString()).ToHashSet();

        // Expected, straight from the tables: categories the SOP sends to the General Counsel, minus recusals.
        var gcRouted = new[] { ConcernCategory.BooksAndRecords, ConcernCategory.CodeOfEthicsViolation, ConcernCategory.SecuritiesLawViolation };
        var expected = await _db.Read(async db =>
        {
            var gc = await db.People.SingleAsync(p => p.Email == "gc@alto.example");
            return (await db.Cases.Where(c => gcRouted.Contains(c.Category) && !c.Subjects.Any(s => s.PersonId == gc.Id))
                .Select(c => c.Reference).ToListAsync()).ToHashSet();
        });
        var namingGc = await _db.Read(db => db.CaseSubjects.CountAsync(s => s.Person!.Email == "gc@alto.example"));

        Assert.Multiple(() =>
        {
            Assert.That(listed, Is.EquivalentTo(expected));
            Assert.That(listed.Count, Is.GreaterThan(300).And.LessThan(1000));
            Assert.That(namingGc, Is.GreaterThan(0), "the demo includes recusals, so the check above means something");
        });
    }

    [Test]
    public async Task A_case_naming_the_General_Counsel_is_accepted_by_the_Audit_Committee_and_not_found_for_the_General_Counsel()
    {
        await AddCast();
        var filed = (await _ethics.Run("concern", "file", "--category", "CodeOfEthicsViolation", "--summary", "GC side deal",
            "--reporter", Cast.Cfo, "--subject", Cast.GeneralCounsel, "--json")).Json;
        var id = filed.GetProperty("caseId").GetString()!;
        Assert.That(filed.GetProperty("routedTo").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "AuditCommittee" }));

        var accepted = (await _ethics.Run("case", "fire", id, "Accept", "--as", Cast.AuditChair, "--json")).Json;
        Assert.That(accepted.GetProperty("state").GetString(), Is.EqualTo("AuditCommitteeReview"));

        var asGc = await _ethics.Run("case", "show", id, "--as", Cast.GeneralCounsel, "--json");
        Assert.Multiple(() =>
        {
            Assert.That(asGc.ExitCode, Is.EqualTo(1));
            Assert.That(asGc.Stderr, Does.Contain("not found").And.Not.Contain("forbidden").IgnoreCase.And.Not.Contain("permission").IgnoreCase);
            Assert.That(asGc.Stdout, Is.Empty);
        });
    }

    [Test]
    public async Task An_officer_firing_RequestBoardDetermination_gets_exit_1_naming_the_permitted_triggers_and_nothing_changes()
    {
        await AddCast();
        var id = (await _ethics.Run("concern", "file", "--category", "Fraud", "--summary", "Receipts", "--reporter", Cast.Cfo, "--json"))
            .Json.GetProperty("caseId").GetString()!;
        await _ethics.Run("case", "fire", id, "Accept", "--as", Cast.AuditChair, "--json");
        var before = (await _ethics.Run("case", "show", id, "--as", Cast.AuditChair, "--json")).Stdout;

        var refused = await _ethics.Run("case", "fire", id, "RequestBoardDetermination", "--as", Cast.Cfo, "--json");
        var member = await _ethics.Run("case", "fire", id, "Accept", "--as", Cast.AuditMember);

        var after = (await _ethics.Run("case", "show", id, "--as", Cast.AuditChair, "--json")).Stdout;
        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Stdout, Is.Empty);
            Assert.That(refused.Stderr, Does.Contain("AuditCommitteeReview").And.Contain("No triggers are permitted to you"));
            Assert.That(member.Stderr, Does.Contain("Permitted to you: CloseNoViolation, RequestBoardDetermination"));
            Assert.That(after, Is.EqualTo(before), "no change to the case or its audit trail");
        });
    }

    [Test]
    public async Task Case_show_prints_the_contract_fields()
    {
        await AddCast();
        var id = (await _ethics.Run("concern", "file", "--category", "BooksAndRecords", "--summary", "Off-book fund", "--details", "Cash box",
            "--reporter", Cast.Cfo, "--subject", Cast.Controller, "--json")).Json.GetProperty("reference").GetString()!;
        await _ethics.Run("case", "fire", id, "Accept", "--as", Cast.GeneralCounsel);
        await _ethics.Run("case", "fire", id, "ReferToAuditCommittee", "--as", Cast.GeneralCounsel, "--reason", "Substantiated");

        var shown = (await _ethics.Run("case", "show", id, "--as", Cast.AuditMember, "--json")).Json;
        var last = shown.GetProperty("history").EnumerateArray().Last();
        Assert.Multiple(() =>
        {
            foreach (var field in new[] { "caseId", "reference", "category", "state", "substate", "outcome", "routedTo", "subjects", "history" })
            {
                Assert.That(shown.TryGetProperty(field, out _), Is.True, field);
            }

            Assert.That(shown.GetProperty("outcome").ValueKind, Is.EqualTo(JsonValueKind.Null), "absent values are null, not omitted");
            Assert.That(shown.GetProperty("state").GetString(), Is.EqualTo("AuditCommitteeReview"));
            Assert.That(last.GetProperty("trigger").GetString(), Is.EqualTo("ReferToAuditCommittee"));
            Assert.That(last.GetProperty("actor").GetString(), Is.EqualTo(Cast.GeneralCounsel));
            Assert.That(last.GetProperty("from").GetString(), Is.EqualTo("GeneralCounselReview"));
            Assert.That(last.GetProperty("reason").GetString(), Is.EqualTo("Substantiated"));
            Assert.That(last.GetProperty("at").GetString(), Does.EndWith("Z"));
        });
    }

    [Test]
    public async Task Rejected_requests_exit_1_and_bad_usage_exits_2()
    {
        await AddCast();
        var duplicate = await _ethics.Run("people", "add", "--email", Cast.Cfo, "--name", "Again", "--role", "Officer");
        var badRole = await _ethics.Run("people", "add", "--email", "x@test.example", "--name", "X", "--role", "Janitor");
        var missingAs = await _ethics.Run("case", "list");
        var unknownCommand = await _ethics.Run("case", "explode");
        var noReason = await _ethics.Run("concern", "file", "--category", "Fraud", "--summary", "s", "--reporter", "ghost@test.example");

        Assert.Multiple(() =>
        {
            Assert.That((duplicate.ExitCode, duplicate.Stderr), Is.EqualTo((1, $"ethics: '{Cast.Cfo}' is already in the directory.\n")));
            Assert.That(badRole.ExitCode, Is.EqualTo(1));
            Assert.That(badRole.Stderr, Does.Contain("'Janitor' is not a role"));
            Assert.That(missingAs.ExitCode, Is.EqualTo(2));
            Assert.That(missingAs.Stderr, Does.Contain("--as"));
            Assert.That(unknownCommand.ExitCode, Is.EqualTo(2));
            Assert.That(noReason.ExitCode, Is.EqualTo(1));
            Assert.That(noReason.Stderr, Does.Contain("not in the directory"));
        });
    }

    [Test]
    public async Task Demo_seed_is_reproducible_with_the_same_seed()
    {
        await _ethics.Run("demo", "seed", "--cases", "50", "--seed", "11", "--json");
        var first = (await _db.Read(db => db.Cases.OrderBy(c => c.Reference).ToListAsync())).Select(c => new { c.Reference, c.Category, c.State, c.Outcome, c.Summary }).ToList();

        await using var other = await TestDatabase.CreateAsync(provider);
        await new CliHarness(other).Run("demo", "seed", "--cases", "50", "--seed", "11", "--json");
        var second = (await other.Read(db => db.Cases.OrderBy(c => c.Reference).ToListAsync())).Select(c => new { c.Reference, c.Category, c.State, c.Outcome, c.Summary }).ToList();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.Select(c => c.State).Distinct().Count(), Is.EqualTo(5), "every state is represented");
    }

    [Test]
    public async Task Demo_seed_leaves_a_verifiable_audit_trail()
    {
        await _ethics.Run("demo", "seed", "--cases", "200", "--json");
        var verified = (await _ethics.Run("audit", "verify", "--json")).Json;
        Assert.Multiple(() =>
        {
            Assert.That(verified.GetProperty("valid").GetBoolean(), Is.True);
            Assert.That(verified.GetProperty("events").GetInt32(), Is.GreaterThan(200 + 14));
            Assert.That(verified.GetProperty("firstInvalidEvent").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Enum_arguments_are_names_in_any_case_and_never_numbers()
    {
        await AddCast();
        var numericCategory = await _ethics.Run("concern", "file", "--category", "3", "--summary", "s", "--reporter", Cast.Cfo, "--json");
        var filed = (await _ethics.Run("concern", "file", "--category", "codeofethicsviolation", "--summary", "Gifts", "--reporter", Cast.Cfo, "--json")).Json;
        var id = filed.GetProperty("caseId").GetString()!;
        var numericTrigger = await _ethics.Run("case", "fire", id, "0", "--as", Cast.GeneralCounsel, "--json");
        var lowerTrigger = await _ethics.Run("case", "fire", id, "accept", "--as", Cast.GeneralCounsel, "--json");

        Assert.Multiple(() =>
        {
            Assert.That(numericCategory.ExitCode, Is.EqualTo(1));
            Assert.That(numericCategory.Stderr, Does.Contain("--category: '3' is not a category"));
            Assert.That(numericTrigger.ExitCode, Is.EqualTo(1));
            Assert.That(numericTrigger.Stderr, Does.Contain("'0' is not a trigger"));
            Assert.That(lowerTrigger.Json.GetProperty("state").GetString(), Is.EqualTo("GeneralCounselReview"));
        });
    }

    [Test]
    public async Task People_add_needs_no_one_until_the_first_Administrator_and_then_an_Administrator()
    {
        var before = await _ethics.Run("people", "add", "--email", Cast.Cfo, "--name", "Casey", "--role", "Officer", "--json");
        var first = await _ethics.Run("people", "add", "--email", Cast.Admin, "--name", "Ada", "--role", "Administrator", "--json");
        var nobody = await _ethics.Run("people", "add", "--email", Cast.Controller, "--name", "Jo", "--role", "Officer", "--json");
        var officer = await _ethics.Run("people", "add", "--email", Cast.Controller, "--name", "Jo", "--role", "Officer", "--as", Cast.Cfo, "--json");
        var numericRole = await _ethics.Run("people", "add", "--email", Cast.Controller, "--name", "Jo", "--role", "3", "--as", Cast.Admin, "--json");
        var admin = await _ethics.Run("people", "add", "--email", Cast.Controller, "--name", "Jo", "--role", "officer", "--as", Cast.Admin, "--json");
        var seedWithoutAdmin = await _ethics.Run("demo", "seed", "--cases", "1", "--json");

        Assert.Multiple(async () =>
        {
            Assert.That((before.ExitCode, first.ExitCode), Is.EqualTo((0, 0)), before.Stderr + first.Stderr);
            Assert.That(nobody.ExitCode, Is.EqualTo(1));
            Assert.That(nobody.Stderr, Does.Contain("Sign in first"));
            Assert.That(officer.ExitCode, Is.EqualTo(1));
            Assert.That(officer.Stderr, Does.Contain("Administrator"));
            Assert.That(numericRole.ExitCode, Is.EqualTo(1));
            Assert.That(numericRole.Stderr, Does.Contain("--role: '3' is not a role"));
            Assert.That(admin.ExitCode, Is.Zero, admin.Stderr);
            Assert.That(seedWithoutAdmin.ExitCode, Is.EqualTo(1), "the demo loader is an Administrator's once there is one");
            Assert.That(await _db.Read(db => db.People.Select(p => p.Email).OrderBy(e => e).ToListAsync()),
                Is.EqualTo(new[] { Cast.Admin, Cast.Cfo, Cast.Controller }));
            Assert.That(await _db.Read(db => db.Cases.CountAsync()), Is.Zero);
        });
    }

    private async Task AddCast()
    {
        foreach (var (email, role) in new[]
                 {
                     (Cast.Cfo, "Officer"), (Cast.Controller, "Officer"), (Cast.GeneralCounsel, "GeneralCounsel"),
                     (Cast.AuditChair, "AuditCommittee"), (Cast.AuditMember, "AuditCommittee"),
                 })
        {
            var added = await _ethics.Run("people", "add", "--email", email, "--name", email, "--role", role, "--json");
            Assert.That(added.Json.GetProperty("personId").GetString(), Is.Not.Empty);
        }
    }
}
