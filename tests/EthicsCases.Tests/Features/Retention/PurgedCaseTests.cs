using System.Text;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Audit;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Evidence;
using EthicsCases.Features.Messages;
using EthicsCases.Features.Retention;
using EthicsCases.Tests.Cli;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Retention;

/// <summary>
/// A purged case is closed for good: every command that would add content or change it is refused with a conflict and
/// leaves nothing behind; its history says where a reason was purged instead of showing an empty one.
/// </summary>
public sealed class PurgedCaseTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private const string Refusal = "removed under the retention policy";

    [Test]
    public async Task Every_content_adding_or_state_changing_command_on_a_purged_case_is_a_conflict_and_writes_nothing()
    {
        var filed = await PurgedAsync();
        var messageId = await Db.Read(db => db.CaseMessages.Where(m => m.CaseId == filed.CaseId).Select(m => m.Id).SingleAsync());
        var before = await FootprintAsync(filed.CaseId);

        var refusals = new (string Entry, Func<Task> Send)[]
        {
            ("reviewer's message", () => Db.SendAs(Cast.AuditChair, new PostMessage(filed.Reference, "One more thing.", true))),
            ("reviewer's note", () => Db.SendAs(Cast.AuditChair, new PostMessage(filed.Reference, "A note.", false))),
            ("reporter's message", () => Db.SendAs(Cast.Cfo, new PostMessage(filed.Reference, "Any news?", true))),
            ("evidence", () => Db.SendAs(Cast.AuditChair, new UploadEvidence(filed.Reference, "late.txt", Encoding.UTF8.GetBytes("late document")))),
            ("hold", () => Db.SendAs(Cast.AuditChair, new PlaceLegalHold(filed.Reference, "New litigation"))),
            ("redact account", () => Db.SendAs(Cast.AuditChair, new RedactContent(filed.Reference, RedactContent.Details, "Zanzibarite", "Too late"))),
            ("redact message", () => Db.SendAs(Cast.AuditChair, new RedactContent(filed.Reference, messageId.ToString(), "Oxbowquay", "Too late"))),
            ("reopen", () => Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Reopen", "New facts"))),
        };
        var outcomes = new List<string>();
        foreach (var (entry, send) in refusals)
        {
            try
            {
                await send();
                outcomes.Add($"{entry}: accepted");
            }
            catch (ConflictException e) when (e.Message.Contains(Refusal, StringComparison.Ordinal) && e.Message.Contains(filed.Reference, StringComparison.Ordinal))
            {
            }
            catch (RejectedException e)
            {
                outcomes.Add($"{entry}: {e.GetType().Name} {e.Message}");
            }
        }

        var after = await FootprintAsync(filed.CaseId);
        var verified = await Db.SendAs(null, new VerifyAudit());
        Assert.Multiple(() =>
        {
            Assert.That(outcomes, Is.Empty, "each is a conflict naming the case and the retention policy");
            Assert.That(after, Is.EqualTo(before), "nothing half-written: events, messages, documents, holds, version, state");
            Assert.That(verified.Problems, Is.Empty);
        });
    }

    [Test]
    public async Task The_command_line_refuses_a_message_a_hold_a_redaction_and_a_reopening_of_a_purged_case_with_exit_1()
    {
        var filed = await PurgedAsync();
        var messageId = await Db.Read(db => db.CaseMessages.Where(m => m.CaseId == filed.CaseId).Select(m => m.Id).SingleAsync());
        var before = await FootprintAsync(filed.CaseId);
        var ethics = new CliHarness(Db);

        var runs = new Dictionary<string, CliRun>
        {
            ["message"] = await ethics.Run("case", "message", filed.Reference, "--as", Cast.AuditChair, "--text", "One more thing.", "--shared", "--json"),
            ["hold"] = await ethics.Run("case", "hold", filed.Reference, "--as", Cast.AuditChair, "--reason", "New litigation", "--json"),
            ["redact"] = await ethics.Run("case", "redact", filed.Reference, "--as", Cast.AuditChair, "--message", messageId.ToString(),
                "--passage", "Oxbowquay", "--reason", "Too late", "--json"),
            ["reopen"] = await ethics.Run("case", "fire", filed.Reference, "Reopen", "--as", Cast.AuditChair, "--reason", "New facts", "--json"),
        };

        var after = await FootprintAsync(filed.CaseId);
        Assert.Multiple(() =>
        {
            foreach (var (command, run) in runs)
            {
                Assert.That(run.ExitCode, Is.EqualTo(1), command);
                Assert.That(run.Stderr, Does.Contain(filed.Reference).And.Contain(Refusal), command);
            }

            Assert.That(after, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task The_history_of_a_purged_case_marks_each_purged_reason_for_reviewers_in_show_and_in_the_cli_json()
    {
        var filed = await PurgedAsync();

        var shown = await Db.SendAs(Cast.AuditChair, new ShowCase(filed.Reference));
        var reporter = await Db.SendAs(Cast.Cfo, new ShowCase(filed.Reference));
        var cli = await new CliHarness(Db).Run("case", "show", filed.Reference, "--as", Cast.AuditChair, "--json");

        var marker = "[purged under retention policy 2026-11-v1 on 2027-04-06]";
        var dismiss = shown.History.Single(h => h.Trigger == "Dismiss");
        var cliHistory = cli.Json.GetProperty("history").EnumerateArray().ToList();
        var cliDismiss = cliHistory.Single(h => h.GetProperty("trigger").GetString() == "Dismiss");
        Assert.Multiple(() =>
        {
            Assert.That((dismiss.Reason, dismiss.Purged), Is.EqualTo(((string?)marker, true)));
            Assert.That(shown.History.Where(h => h.Trigger != "Dismiss").Select(h => (h.Reason, h.Purged)), Is.All.EqualTo(((string?)null, false)),
                "events that never had a reason get no marker");
            Assert.That(reporter.History.Select(h => (h.Reason, h.Purged)), Is.All.EqualTo(((string?)null, false)), "the reporter never sees reasons");
            Assert.That(cli.ExitCode, Is.Zero, cli.Stderr);
            Assert.That((cliDismiss.GetProperty("reason").GetString(), cliDismiss.GetProperty("purged").GetBoolean()), Is.EqualTo((marker, true)));
            Assert.That(cliHistory.Select(h => h.TryGetProperty("trigger", out _) && h.TryGetProperty("from", out _) && h.TryGetProperty("to", out _)),
                Is.All.True, "existing names stay");
        });
    }

    [Test]
    public async Task The_history_of_a_case_that_was_never_purged_shows_its_reasons_unmarked()
    {
        var filed = await RetentionScenario.Dismissed(Db);

        var shown = await Db.SendAs(Cast.AuditChair, new ShowCase(filed.Reference));

        Assert.That(shown.History.Where(h => h.Trigger == "Dismiss").Select(h => (h.Reason, h.Purged)),
            Is.EqualTo(new[] { ((string?)"Duplicate of the Thistlewick report", false) }));
    }

    /// <summary>The retention scenario's dismissed case (closed 2026-03-02), purged on 2027-04-06.</summary>
    private async Task<FiledConcern> PurgedAsync()
    {
        var filed = await RetentionScenario.Dismissed(Db);
        Db.Clock.Advance(TimeSpan.FromDays(400));
        var run = await Db.SendAs(null, new RunRetention());
        Assert.That(run.Purged, Is.EqualTo(new[] { filed.Reference }));
        return filed;
    }

    private Task<string> FootprintAsync(Guid caseId) => Db.Read(async db =>
    {
        var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == caseId);
        return string.Join(" | ",
            await db.AuditEvents.CountAsync(e => e.CaseId == caseId),
            await db.AuditEvents.CountAsync(),
            await db.CaseMessages.CountAsync(m => m.CaseId == caseId),
            await db.EvidenceFiles.CountAsync(f => f.CaseId == caseId),
            await db.LegalHolds.CountAsync(h => h.CaseId == caseId),
            c.Version, c.State, c.Outcome, c.LastAuditHash);
    });
}
