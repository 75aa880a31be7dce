using EthicsCases.Data;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Messages;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Cli;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class RetentionCliTests(DatabaseProvider provider)
{
    private TestDatabase _db = null!;
    private CliHarness _ethics = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await _db.AddCast();
        _ethics = new CliHarness(_db);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    // The command line runs on the real clock: the case is closed long enough ago for its retention to have ended.
    private async Task<FiledConcern> DismissedTwoYearsAgo()
    {
        _db.Clock.Advance(DateTimeOffset.UtcNow - _db.Clock.GetUtcNow() - TimeSpan.FromDays(800));
        var filed = await _db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Invoices paid twice", "Paid twice by Marta Quill.", []));
        await _db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Dismiss", "Duplicate"));
        return filed;
    }

    [Test]
    public async Task Hold_blocks_retention_run_and_release_lets_it_purge_with_the_contract_json_and_a_valid_record()
    {
        var filed = await DismissedTwoYearsAgo();

        var hold = await _ethics.Run("case", "hold", filed.Reference, "--as", Cast.AuditChair, "--reason", "SEC inquiry", "--json");
        var held = await _ethics.Run("retention", "run", "--json");
        var release = await _ethics.Run("case", "release", filed.Reference, "--as", Cast.GeneralCounsel, "--reason", "Inquiry closed", "--json");
        var releasedByAuditCommittee = await _ethics.Run("case", "release", filed.Reference, "--as", Cast.AuditMember, "--reason", "Inquiry closed", "--json");
        var purged = await _ethics.Run("retention", "run", "--json");
        var verify = await _ethics.Run("audit", "verify", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(hold.ExitCode, Is.Zero, hold.Stderr);
            Assert.That(Guid.TryParse(hold.Json.GetProperty("holdId").GetString(), out _), Is.True);
            Assert.That(held.Json.GetProperty("held")[0].GetString(), Is.EqualTo(filed.Reference));
            Assert.That(held.Json.GetProperty("purged").GetArrayLength(), Is.Zero);
            Assert.That(held.Json.GetProperty("policyVersion").GetString(), Is.EqualTo("2026-11-v1"));
            Assert.That(held.Json.GetProperty("dryRun").GetBoolean(), Is.False);
            Assert.That(held.Json.GetProperty("asOf").GetString(), Is.EqualTo(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That((release.ExitCode, release.Stdout), Is.EqualTo((1, "")), "a Fraud case is not routed to the General Counsel: " + release.Stderr);
            Assert.That(releasedByAuditCommittee.Json.GetProperty("activeHolds").GetInt32(), Is.Zero);
            Assert.That(purged.Json.GetProperty("purged")[0].GetString(), Is.EqualTo(filed.Reference));
            Assert.That((verify.ExitCode, verify.Json.GetProperty("valid").GetBoolean()), Is.EqualTo((0, true)), verify.Stdout);
        });
    }

    [Test]
    public async Task Retention_run_dry_run_lists_the_case_and_changes_nothing()
    {
        var filed = await DismissedTwoYearsAgo();

        var dry = await _ethics.Run("retention", "run", "--dry-run", "--as-of", "2099-01-01", "--json");
        var human = await _ethics.Run("retention", "run", "--dry-run");

        Assert.Multiple(async () =>
        {
            Assert.That(dry.ExitCode, Is.Zero, dry.Stderr);
            Assert.That((dry.Json.GetProperty("dryRun").GetBoolean(), dry.Json.GetProperty("purged")[0].GetString()), Is.EqualTo((true, filed.Reference)));
            Assert.That(human.Stdout, Does.Contain("1 case(s) would be purged: " + filed.Reference).And.Contain("dry run"));
            Assert.That(await _db.Read(db => db.Cases.AnyAsync(c => c.Id == filed.CaseId && c.ContentPurgedAt == null)), Is.True);
        });
    }

    [Test]
    public async Task Retention_run_as_of_a_future_date_is_refused_naming_the_option()
    {
        await DismissedTwoYearsAgo();

        var run = await _ethics.Run("retention", "run", "--as-of", "2099-01-01", "--json");

        Assert.That((run.ExitCode, run.Stdout, run.Stderr), Is.EqualTo((1, "", "ethics: --as-of: The date must not be in the future: the policy still keeps that content today (a --dry-run may look ahead).\n")));
    }

    [Test]
    public async Task Case_redact_redacts_a_message_and_needs_exactly_one_target()
    {
        var filed = await DismissedTwoYearsAgo();
        var posted = await _db.SendAs(Cast.AuditChair, new PostMessage(filed.Reference, "Spoke to Marta Quill.", false));

        var both = await _ethics.Run("case", "redact", filed.Reference, "--as", Cast.AuditChair, "--details", "--message", posted.MessageId.ToString(),
            "--passage", "Marta Quill", "--reason", "Bystander");
        var missing = await _ethics.Run("case", "redact", filed.Reference, "--as", Cast.AuditChair, "--details", "--passage", "Nobody", "--reason", "Bystander");
        var redacted = await _ethics.Run("case", "redact", filed.Reference, "--as", Cast.AuditChair, "--message", posted.MessageId.ToString(),
            "--passage", "Marta Quill", "--reason", "Bystander", "--json");
        var byReporter = await _ethics.Run("case", "redact", filed.Reference, "--as", Cast.Cfo, "--details", "--passage", "Marta Quill", "--reason", "x");

        var thread = await _db.SendAs(Cast.AuditChair, new ShowThread(filed.Reference));
        Assert.Multiple(() =>
        {
            Assert.That((both.ExitCode, both.Stderr), Is.EqualTo((2, "ethics: give exactly one of --details or --message MESSAGE_ID.\n")));
            Assert.That(missing.ExitCode, Is.EqualTo(1));
            Assert.That(missing.Stderr, Does.StartWith("ethics: --passage: The passage does not appear"));
            Assert.That(redacted.ExitCode, Is.Zero, redacted.Stderr);
            Assert.That(redacted.Json.GetProperty("messageId").GetString(), Is.EqualTo(posted.MessageId.ToString()));
            Assert.That(thread.Single().Text, Is.EqualTo("Spoke to [redacted]."));
            Assert.That(byReporter.ExitCode, Is.EqualTo(1));
        });
    }
}
