using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Features.Concerns;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Deadlines;

/// <summary>The clocks through the <c>ethics</c> command line (the real clock: the test case is filed on the fixture's 2 March 2026).</summary>
public sealed class DeadlineCliTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private CliHarness Ethics => new(Db);

    [Test]
    public async Task Case_show_json_carries_the_deadlines_with_the_contract_field_names()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Gifts above limits", null, []));

        var run = await Ethics.Run("case", "show", filed.Reference, "--as", Cast.GeneralCounsel, "--json");

        var deadlines = run.Json.GetProperty("deadlines").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Stderr);
            Assert.That(deadlines.Select(d => d.GetProperty("kind").GetString()), Is.EqualTo(new[] { "Acknowledge", "Feedback", "Triage" }));
            Assert.That(deadlines[0].GetProperty("due").GetString(), Is.EqualTo("2026-03-09"));
            Assert.That(deadlines[0].GetProperty("metAt").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(deadlines[0].GetProperty("overdue").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
        });
    }

    [Test]
    public async Task Case_acknowledge_meets_the_clock_and_a_second_time_exits_one()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Gifts above limits", null, []));

        var first = await Ethics.Run("case", "acknowledge", filed.Reference, "--as", Cast.GeneralCounsel, "--json");
        var second = await Ethics.Run("case", "acknowledge", filed.Reference, "--as", Cast.GeneralCounsel, "--json");
        var shown = await Ethics.Run("case", "show", filed.Reference, "--as", Cast.GeneralCounsel, "--json");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.Stderr);
            Assert.That(first.Json.GetProperty("reference").GetString(), Is.EqualTo(filed.Reference));
            Assert.That(second.ExitCode, Is.EqualTo(1));
            Assert.That(second.Stderr, Does.Contain("already acknowledged"));
            var acknowledge = shown.Json.GetProperty("deadlines").EnumerateArray().First();
            Assert.That(acknowledge.GetProperty("metAt").GetDateTime(), Is.EqualTo(first.Json.GetProperty("acknowledgedAt").GetDateTime()));
        });
    }

    [Test]
    public async Task Case_message_with_feedback_meets_the_feedback_clock_and_without_shared_is_refused_naming_the_option()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Gifts above limits", null, []));

        var refused = await Ethics.Run("case", "message", filed.Reference, "--as", Cast.GeneralCounsel, "--text", "note", "--feedback", "--json");
        var sent = await Ethics.Run("case", "message", filed.Reference, "--as", Cast.GeneralCounsel, "--text", "We looked into it.", "--shared", "--feedback", "--json");

        var stored = await Db.Read(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == filed.CaseId));
        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.Stderr, Does.Contain("--feedback"));
            Assert.That(sent.ExitCode, Is.Zero, sent.Stderr);
            Assert.That(sent.Json.GetProperty("sharedWithReporter").GetBoolean(), Is.True);
            Assert.That(stored.FeedbackGivenAt, Is.Not.Null);
            Assert.That(stored.AcknowledgedAt, Is.EqualTo(stored.FeedbackGivenAt));
        });
    }

    [Test]
    public async Task Concern_file_takes_the_incident_date_and_refuses_one_after_today()
    {
        var filed = await Ethics.Run("concern", "file", "--category", "Fraud", "--summary", "Split invoices", "--reporter", Cast.Cfo,
            "--incident-date", "2026-01-15", "--json");
        var future = await Ethics.Run("concern", "file", "--category", "Fraud", "--summary", "Split invoices", "--reporter", Cast.Cfo,
            "--incident-date", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--json");

        var caseId = filed.Json.GetProperty("caseId").GetGuid();
        var stored = await Db.Read(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId));
        var filedEvent = await Db.Read(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.CaseId == caseId && e.Action == "Filed"));
        Assert.Multiple(() =>
        {
            Assert.That(filed.ExitCode, Is.Zero, filed.Stderr);
            Assert.That(stored.IncidentDate, Is.EqualTo(new DateOnly(2026, 1, 15)));
            Assert.That(filedEvent.Data, Does.Contain("\"incidentDate\":\"2026-01-15\""));
            Assert.That(future.ExitCode, Is.EqualTo(1));
            Assert.That(future.Stderr, Does.Contain("--incident-date"));
        });
    }

    [Test]
    public async Task Notifications_scan_queues_the_overdue_alerts_once()
    {
        await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Split invoices", null, []));

        var first = await Ethics.Run("notifications", "scan", "--json");
        var second = await Ethics.Run("notifications", "scan", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.Stderr);
            // Filed 2 March 2026: by the real clock Acknowledge, Feedback and Triage are long past, for both Audit Committee members.
            Assert.That(first.Json.GetProperty("queued").GetInt32(), Is.EqualTo(6));
            Assert.That(first.Json.GetProperty("cases").GetInt32(), Is.EqualTo(1));
            Assert.That(second.Json.GetProperty("queued").GetInt32(), Is.Zero);
        });
    }
}
