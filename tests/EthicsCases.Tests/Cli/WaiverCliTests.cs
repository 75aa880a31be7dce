using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Tests.Domain.Waivers;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Cli;

/// <summary>
/// <c>ethics waiver|code|board</c> through the real command line. The command line runs on the real clock, so dates
/// here are today's.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class WaiverCliTests(DatabaseProvider provider)
{
    private const string Chair = "board.chair@test.example";
    private const string Whitaker = "jordan.whitaker@test.example";
    private TestDatabase _db = null!;
    private CliHarness _ethics = null!;
    private string _today = "";

    [SetUp]
    public async Task CreateDatabase()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await _db.AddCast();
        await _db.AddPerson(Chair, Role.Board, Role.BoardChair);
        _ethics = new CliHarness(_db);
        Assert.That((await _ethics.Run("people", "add", "--email", Whitaker, "--name", "Jordan Whitaker", "--title", "Chief Financial Officer",
            "--role", "Officer", "--as", Cast.Admin, "--json")).ExitCode, Is.Zero);
        _today = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    [TearDown]
    public async Task DropDatabase() => await _db.DisposeAsync();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Test]
    public async Task Request_decide_disclose_and_list_print_the_contract_fields()
    {
        var requested = (await _ethics.Run("waiver", "request", "--as", Whitaker, "--person", Whitaker,
            "--provision", "II-030 outside directorships", "--reason", "Seat on a supplier's board", "--json")).Json;
        var id = requested.GetProperty("waiverId").GetString()!;

        var decided = (await _ethics.Run("waiver", "decide", id, "--as", Cast.Director, "--granted", "yes", "--decided", _today,
            "--rationale", "Immaterial supplier", "--json")).Json;
        var disclosed = (await _ethics.Run("waiver", "disclose", id, "--as", Cast.GeneralCounsel, "--on", _today, "--channel", "8-K", "--json")).Json;
        var list = (await _ethics.Run("waiver", "list", "--as", Cast.GeneralCounsel, "--json")).Json;

        var due = DisclosureClock.Due(Today, SecBusinessCalendar.Default).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(requested.GetProperty("state").GetString(), Is.EqualTo("Requested"));
            Assert.That(decided.GetProperty("waiverId").GetString(), Is.EqualTo(id));
            Assert.That(decided.GetProperty("state").GetString(), Is.EqualTo("Granted"));
            Assert.That(decided.GetProperty("disclosureDue").GetString(), Is.EqualTo(due));
            Assert.That(disclosed.GetProperty("state").GetString(), Is.EqualTo("Disclosed"));
            Assert.That(disclosed.GetProperty("late").GetBoolean(), Is.False);
            var row = list.EnumerateArray().Single();
            foreach (var field in new[] { "waiverId", "person", "provision", "state", "decided", "disclosureDue", "disclosed", "late" })
            {
                Assert.That(row.TryGetProperty(field, out _), Is.True, field);
            }

            Assert.That(row.GetProperty("waiverId").GetString(), Is.EqualTo(id));
            Assert.That(row.GetProperty("person").GetString(), Is.EqualTo(Whitaker));
            Assert.That(row.GetProperty("provision").GetString(), Is.EqualTo("II-030 outside directorships"));
            Assert.That(row.GetProperty("state").GetString(), Is.EqualTo("Disclosed"));
            Assert.That(row.GetProperty("decided").GetString(), Is.EqualTo(_today));
            Assert.That(row.GetProperty("disclosureDue").GetString(), Is.EqualTo(due));
            Assert.That(row.GetProperty("disclosed").GetString(), Is.EqualTo(_today));
            Assert.That(row.GetProperty("late").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task A_denial_prints_a_null_due_date_and_a_pending_request_lists_nulls()
    {
        var denied = await Requested();
        var pending = await Requested();

        var decided = (await _ethics.Run("waiver", "decide", denied, "--as", Cast.Director, "--granted", "no", "--decided", _today,
            "--rationale", "Too close to the audit", "--json")).Json;
        var row = (await _ethics.Run("waiver", "list", "--as", Cast.AuditMember, "--json")).Json.EnumerateArray()
            .Single(r => r.GetProperty("waiverId").GetString() == pending);

        Assert.Multiple(() =>
        {
            Assert.That(decided.GetProperty("state").GetString(), Is.EqualTo("Denied"));
            Assert.That(decided.GetProperty("disclosureDue").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(row.GetProperty("decided").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(row.GetProperty("disclosureDue").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(row.GetProperty("disclosed").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(row.GetProperty("late").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task An_officer_deciding_exits_1_and_changes_nothing_and_bad_usage_exits_2()
    {
        var id = await Requested();

        var officer = await _ethics.Run("waiver", "decide", id, "--as", Cast.Controller, "--granted", "yes", "--decided", _today, "--rationale", "r", "--json");
        var own = await _ethics.Run("waiver", "decide", id, "--as", Whitaker, "--granted", "yes", "--decided", _today, "--rationale", "r", "--json");
        var maybe = await _ethics.Run("waiver", "decide", id, "--as", Cast.Director, "--granted", "maybe", "--decided", _today, "--rationale", "r", "--json");
        var notAnId = await _ethics.Run("waiver", "decide", "W-1", "--as", Cast.Director, "--granted", "yes", "--decided", _today, "--rationale", "r");
        var state = (await _ethics.Run("waiver", "list", "--as", Cast.GeneralCounsel, "--json")).Json.EnumerateArray().Single().GetProperty("state").GetString();

        Assert.Multiple(() =>
        {
            Assert.That((officer.ExitCode, officer.Stdout), Is.EqualTo((1, "")));
            Assert.That(officer.Stderr, Does.Contain("Only a Board member"));
            Assert.That(own.ExitCode, Is.EqualTo(1));
            Assert.That(own.Stderr, Does.Contain("not found"));
            Assert.That(maybe.ExitCode, Is.EqualTo(2));
            Assert.That(notAnId.ExitCode, Is.EqualTo(2));
            Assert.That(state, Is.EqualTo("Requested"));
        });
    }

    [Test]
    public async Task The_disclosure_draft_is_written_as_text_or_pdf_with_the_configured_company_name()
    {
        var ethics = new CliHarness(_db, new Dictionary<string, string?> { ["Company:Name"] = "Alto Ethanol Inc." });
        var id = await Requested();
        await ethics.Run("waiver", "decide", id, "--as", Cast.Director, "--granted", "yes", "--decided", _today, "--rationale", "Immaterial", "--json");
        var dir = Directory.CreateTempSubdirectory("waiver-draft-");
        try
        {
            var text = (await ethics.Run("waiver", "disclosure", id, "--as", Cast.GeneralCounsel, "--out", Path.Combine(dir.FullName, "draft.txt"), "--json")).Json;
            var pdf = (await ethics.Run("waiver", "disclosure", id, "--as", Cast.GeneralCounsel, "--out", Path.Combine(dir.FullName, "draft.pdf"),
                "--variant", "website", "--json")).Json;
            var written = PdfText.Flatten(await File.ReadAllTextAsync(text.GetProperty("file").GetString()!));
            var read = PdfText.Of(await File.ReadAllBytesAsync(pdf.GetProperty("file").GetString()!));
            var longToday = DisclosureClock.LongDate(Today);

            Assert.Multiple(() =>
            {
                Assert.That(text.GetProperty("format").GetString(), Is.EqualTo("text"));
                Assert.That(written, Does.Contain($"On {longToday}, Alto Ethanol Inc. (the \"Company\"), acting through its Board of Directors, granted Jordan Whitaker, " +
                    "the Company's Chief Financial Officer, a waiver from the following provision"));
                Assert.That(written, Does.Contain("Nature of the waiver: Seat on a supplier's board"));
                Assert.That(pdf.GetProperty("format").GetString(), Is.EqualTo("pdf"));
                Assert.That(pdf.GetProperty("variant").GetString(), Is.EqualTo("website"));
                Assert.That(read, Does.Contain("Waiver of a Provision of the Code of Ethics for Senior Financial Officers"));
                Assert.That(read, Does.Contain("Alto Ethanol Inc."));
                Assert.That(read, Does.Contain("Jordan Whitaker"));
            });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Test]
    public async Task The_chair_designates_the_Audit_Committee_and_its_member_then_decides_as_a_designee()
    {
        var id = await Requested();
        var refused = await _ethics.Run("waiver", "decide", id, "--as", Cast.AuditMember, "--granted", "yes", "--decided", _today, "--rationale", "r", "--json");
        var notChair = await _ethics.Run("board", "designate", "--as", Cast.Director, "--audit-committee", "--matters", "waivers",
            "--from", _today, "--to", _today, "--resolution", _today, "--json");

        var designation = (await _ethics.Run("board", "designate", "--as", Chair, "--audit-committee", "--matters", "waivers",
            "--from", _today, "--to", Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--resolution", _today, "--json")).Json;
        var decided = (await _ethics.Run("waiver", "decide", id, "--as", Cast.AuditMember, "--granted", "yes", "--decided", _today, "--rationale", "r", "--json")).Json;
        var designations = (await _ethics.Run("board", "designations", "--as", Cast.GeneralCounsel, "--json")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(notChair.ExitCode, Is.EqualTo(1));
            Assert.That(designation.GetProperty("body").GetString(), Is.EqualTo("AuditCommittee"));
            Assert.That(designation.GetProperty("matters").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "waivers" }));
            Assert.That(decided.GetProperty("decidedAs").GetString(), Is.EqualTo("Designee"));
            Assert.That(decided.GetProperty("designationId").GetString(), Is.EqualTo(designation.GetProperty("designationId").GetString()));
            Assert.That(designations.EnumerateArray().Single().GetProperty("inForce").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task A_designation_for_a_person_by_e_mail_and_both_matters()
    {
        var json = (await _ethics.Run("board", "designate", "--as", Chair, "--person", Cast.AuditMember, "--matters", "determinations",
            "--matters", "waivers", "--from", _today, "--to", _today, "--resolution", _today, "--json")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(json.GetProperty("person").GetString(), Is.EqualTo(Cast.AuditMember));
            Assert.That(json.GetProperty("matters").EnumerateArray().Select(m => m.GetString()), Is.EqualTo(new[] { "determinations", "waivers" }));
            Assert.That(json.GetProperty("from").GetString(), Is.EqualTo(_today));
            Assert.That(json.GetProperty("to").GetString(), Is.EqualTo(_today));
            Assert.That(json.GetProperty("resolution").GetString(), Is.EqualTo(_today));
        });
    }

    [Test]
    public async Task Scan_follows_the_configured_period_and_confirm_records_an_implicit_waiver()
    {
        // Filed on the test database's clock (2 March 2026): months ago by the command line's clock.
        var filed = await _db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Undisclosed interest in a supplier", null, [Cast.Controller]));
        await _db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed.Reference, "Accept", null));
        var patient = new CliHarness(_db, new Dictionary<string, string?> { ["Waivers:ImplicitAfterDays"] = "100000" });

        var none = (await patient.Run("waiver", "scan", "--as", Cast.GeneralCounsel, "--json")).Json;
        var scan = (await _ethics.Run("waiver", "scan", "--as", Cast.GeneralCounsel, "--json")).Json;
        var proposals = (await _ethics.Run("waiver", "proposals", "--as", Cast.GeneralCounsel, "--json")).Json;
        var proposalId = proposals.EnumerateArray().Single().GetProperty("proposalId").GetString()!;
        var withoutReason = await _ethics.Run("waiver", "confirm", proposalId, "--as", Cast.GeneralCounsel, "--json");
        var confirmed = (await _ethics.Run("waiver", "confirm", proposalId, "--as", Cast.GeneralCounsel, "--reason", "Months without action", "--json")).Json;
        var row = (await _ethics.Run("waiver", "list", "--as", Cast.GeneralCounsel, "--json")).Json.EnumerateArray().Single();

        Assert.Multiple(() =>
        {
            Assert.That(none.GetProperty("proposed").GetInt32(), Is.Zero);
            Assert.That(none.GetProperty("afterDays").GetInt32(), Is.EqualTo(100000));
            Assert.That(scan.GetProperty("proposed").GetInt32(), Is.EqualTo(1));
            Assert.That(proposals.EnumerateArray().Single().GetProperty("reference").GetString(), Is.EqualTo(filed.Reference));
            Assert.That(proposals.EnumerateArray().Single().GetProperty("trigger").GetString(), Is.EqualTo("LeftUnacted"));
            Assert.That(withoutReason.ExitCode, Is.EqualTo(2), "--reason is required");
            Assert.That(confirmed.GetProperty("state").GetString(), Is.EqualTo("Confirmed"));
            Assert.That(row.GetProperty("waiverId").GetString(), Is.EqualTo(confirmed.GetProperty("waiverId").GetString()));
            Assert.That(row.GetProperty("implicit").GetBoolean(), Is.True);
            Assert.That(row.GetProperty("decided").GetString(), Is.EqualTo(_today));
        });
    }

    [Test]
    public async Task Code_amend_disclose_and_an_early_unpost_warn_in_the_output()
    {
        var amended = (await _ethics.Run("code", "amend", "--as", Cast.GeneralCounsel, "--revision", "3.0", "--adopted", _today,
            "--summary", "Adds a gifts threshold", "--json")).Json;
        var noUrl = await _ethics.Run("code", "disclose", "3.0", "--as", Cast.GeneralCounsel, "--on", _today, "--channel", "website", "--json");
        await _ethics.Run("code", "disclose", "3.0", "--as", Cast.GeneralCounsel, "--on", _today, "--channel", "website",
            "--url", "https://investors.example.com/code", "--json");
        var unposted = await _ethics.Run("code", "unpost", "3.0", "--as", Cast.GeneralCounsel, "--on", _today);

        Assert.Multiple(() =>
        {
            Assert.That(amended.GetProperty("disclosureDue").GetString(),
                Is.EqualTo(DisclosureClock.Due(Today, SecBusinessCalendar.Default).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(noUrl.ExitCode, Is.EqualTo(1));
            Assert.That(noUrl.Stderr, Does.Contain("address"));
            Assert.That(unposted.ExitCode, Is.Zero);
            Assert.That(unposted.Stdout, Does.Contain("PostingRemovedEarly"));
        });
    }

    private async Task<string> Requested() =>
        (await _ethics.Run("waiver", "request", "--as", Cast.GeneralCounsel, "--person", Whitaker, "--provision", "II-030 outside directorships",
            "--reason", "Seat on a supplier's board", "--json")).Json.GetProperty("waiverId").GetString()!;
}
