using System.Text;
using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Audit;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.Retention;
using EthicsCases.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EthicsCases.Tests.Features.Retention.RetentionScenario;

namespace EthicsCases.Tests.Features.Retention;

public sealed class RunRetentionTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private DateOnly Today => DateOnly.FromDateTime(Db.Clock.GetUtcNow().UtcDateTime);

    [Test]
    public async Task A_dismissed_case_is_purged_a_year_after_closing_not_before_and_the_record_still_verifies()
    {
        var filed = await Dismissed(Db);
        Db.Clock.Advance(TimeSpan.FromDays(364));

        var early = await Db.SendAs(null, new RunRetention());
        Db.Clock.Advance(TimeSpan.FromDays(1));
        var due = await Db.SendAs(null, new RunRetention());

        var purgedCase = await Db.Read(db => db.Cases.Include(c => c.History).SingleAsync(c => c.Id == filed.CaseId));
        var message = await Db.Read(db => db.CaseMessages.SingleAsync(m => m.CaseId == filed.CaseId));
        var document = await Db.Read(db => db.EvidenceFiles.SingleAsync(f => f.CaseId == filed.CaseId));
        var purgeEvent = purgedCase.History.Single(e => e.Action == "ContentPurged");
        var data = JsonDocument.Parse(purgeEvent.Data!).RootElement;
        var shown = await Db.SendAs(Cast.AuditChair, new ShowCase(filed.Reference));
        var verified = await Db.SendAs(null, new VerifyAudit());
        Assert.Multiple(() =>
        {
            Assert.That(early.Purged, Is.Empty, "364 days after the dismissal the case is still kept");
            Assert.That(due.Purged, Is.EqualTo(new[] { filed.Reference }));
            Assert.That(due.PolicyVersion, Is.EqualTo("2026-11-v1"));
            Assert.That(purgedCase.ContentPurgedAt, Is.Not.Null);
            Assert.That((purgedCase.SealedSummary, purgedCase.SealedDetails), Is.EqualTo(((byte[]?)null, (byte[]?)null)));
            Assert.That((message.SealedText, message.PurgedAt is not null), Is.EqualTo(((byte[]?)null, true)));
            Assert.That((document.SealedContent, document.SealedFileName, document.Length), Is.EqualTo(((byte[]?)null, (byte[]?)null, 27L)), "the tombstone keeps the size");
            Assert.That(purgedCase.History.Where(e => e.ReasonSha256 is not null).Select(e => (e.SealedReason, e.Reason)),
                Is.All.EqualTo(((byte[]?)null, (string?)null)), "event reasons are removed, their hashes stay");
            Assert.That(data.GetProperty("policyVersion").GetString(), Is.EqualTo("2026-11-v1"));
            Assert.That(data.GetProperty("retainedUntil").GetString(), Is.EqualTo("2027-03-02"));
            Assert.That((data.GetProperty("messages").GetInt32(), data.GetProperty("documents").GetInt32(), data.GetProperty("reasons").GetInt32()), Is.EqualTo((1, 1, 1)));
            Assert.That(shown.Summary, Is.EqualTo(EthicsCase.PurgedText));
            Assert.That((shown.State, shown.Outcome), Is.EqualTo((CaseState.Closed, (CaseOutcome?)CaseOutcome.Dismissed)));
            Assert.That(shown.History.Select(h => h.Trigger), Is.EqualTo(new[] { "Filed", "NoteAdded", "EvidenceAdded", "Dismiss", "ContentPurged" }));
            Assert.That(verified.Problems, Is.Empty);
            Assert.That(verified.Valid, Is.True);
        });
    }

    [Test]
    public async Task Open_cases_are_never_purged()
    {
        var filed = await WithContent(Db);
        Db.Clock.Advance(TimeSpan.FromDays(365 * 10));

        var run = await Db.SendAs(null, new RunRetention());

        Assert.That((run.Purged, await Db.Read(db => db.Cases.AnyAsync(c => c.Id == filed.CaseId && c.ContentPurgedAt == null))),
            Is.EqualTo((Array.Empty<string>(), true)));
    }

    [Test]
    public async Task A_reopened_case_restarts_the_clock_under_its_new_outcome()
    {
        var filed = await Dismissed(Db);
        Db.Clock.Advance(TimeSpan.FromDays(300));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "Reopen", "New evidence"));
        await Db.SendAs(Cast.AuditChair, new FireTrigger(filed.Reference, "CloseNoViolation", "Reviewed again"));
        Db.Clock.Advance(TimeSpan.FromDays(100));

        var afterAYear = await Db.SendAs(null, new RunRetention());
        Db.Clock.Advance(TimeSpan.FromDays(3 * 366));
        var afterThreeYears = await Db.SendAs(null, new RunRetention());

        Assert.Multiple(() =>
        {
            Assert.That(afterAYear.Purged, Is.Empty, "a year after the first closing, but only 100 days after the last one");
            Assert.That(afterThreeYears.Purged, Is.EqualTo(new[] { filed.Reference }), "NoViolationFound: three years after the last closing");
        });
    }

    [Test]
    public async Task A_held_case_is_not_purged_until_the_hold_is_released_and_then_it_is()
    {
        var filed = await Dismissed(Db);
        var hold = await Db.SendAs(Cast.AuditMember, new PlaceLegalHold(filed.Reference, "SEC inquiry Oxbowquay-2026"));
        Db.Clock.Advance(TimeSpan.FromDays(800));

        var held = await Db.SendAs(null, new RunRetention());
        var stillThere = await Db.Read(db => db.Cases.SingleAsync(c => c.Id == filed.CaseId));
        await Db.SendAs(Cast.AuditChair, new ReleaseLegalHold(filed.Reference, "Inquiry closed"));
        var released = await Db.SendAs(null, new RunRetention());

        var holdRow = await Db.Read(db => db.LegalHolds.AsNoTracking().SingleAsync(h => h.Id == hold.HoldId));
        var actions = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == filed.CaseId).OrderBy(e => e.Seq).Select(e => e.Action).ToListAsync());
        var verified = await Db.SendAs(null, new VerifyAudit());
        Assert.Multiple(() =>
        {
            Assert.That((held.Purged, held.Held), Is.EqualTo((Array.Empty<string>(), new[] { filed.Reference })));
            Assert.That(stillThere.Summary, Is.EqualTo("Quillfeather invoices paid twice"));
            Assert.That((released.Purged, released.Held), Is.EqualTo((new[] { filed.Reference }, Array.Empty<string>())));
            Assert.That((holdRow.SealedReason, holdRow.SealedReleaseReason, holdRow.PurgedAt is not null), Is.EqualTo(((byte[]?)null, (byte[]?)null, true)),
                "the hold's reasons go with the content; the hold's dates stay");
            Assert.That(actions.TakeLast(3), Is.EqualTo(new[] { "LegalHoldPlaced", "LegalHoldReleased", "ContentPurged" }));
            Assert.That(verified.Problems, Is.Empty);
        });
    }

    [Test]
    public async Task The_General_Counsel_holds_a_case_routed_to_the_General_Counsel_and_the_hold_is_on_its_chain()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("CodeOfEthicsViolation", "Gift from a vendor", null, []));

        var hold = await Db.SendAs(Cast.GeneralCounsel, new PlaceLegalHold(filed.Reference, "Litigation with the vendor"));

        var placed = await Db.Read(db => db.AuditEvents.SingleAsync(e => e.CaseId == filed.CaseId && e.Action == "LegalHoldPlaced"));
        var holds = await Db.SendAs(Cast.AuditMember, new ListLegalHolds(filed.Reference));
        Assert.Multiple(() =>
        {
            Assert.That(placed.Reason, Is.EqualTo("Litigation with the vendor"));
            Assert.That(placed.Actor, Is.EqualTo(Cast.GeneralCounsel));
            Assert.That(placed.Data, Is.EqualTo($$"""{"holdId":"{{hold.HoldId}}"}"""));
            Assert.That(holds.Active.Select(h => (h.HoldId, h.PlacedBy, h.Reason)), Is.EqualTo(new[] { (hold.HoldId, Cast.GeneralCounsel, (string?)"Litigation with the vendor") }));
            Assert.That(holds.MayKeep, Is.True);
        });
    }

    [Test]
    public async Task Only_the_General_Counsel_or_the_Audit_Committee_hold_and_a_subject_finds_no_case()
    {
        var filed = await Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "Expense fraud", null, [Cast.AuditMember]));

        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(Cast.Director, new PlaceLegalHold(filed.Reference, "x")), Throws.TypeOf<ForbiddenException>(), "the Board");
            Assert.That(() => Db.SendAs(Cast.Cfo, new PlaceLegalHold(filed.Reference, "x")), Throws.TypeOf<ForbiddenException>(), "the reporter");
            Assert.That(() => Db.SendAs(Cast.AuditMember, new PlaceLegalHold(filed.Reference, "x")), Throws.TypeOf<NotFoundException>(), "a subject");
            Assert.That(() => Db.SendAs(Cast.AuditChair, new PlaceLegalHold(filed.Reference, " ")),
                Throws.TypeOf<ValidationFailedException>().With.Property(nameof(ValidationFailedException.Errors)).ContainKey("reason"));
        });
        Assert.That(await Db.Read(db => db.LegalHolds.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task A_dry_run_lists_what_would_go_and_changes_nothing()
    {
        var filed = await Dismissed(Db);
        var events = await Db.Read(db => db.AuditEvents.CountAsync());

        var dry = await Db.SendAs(null, new RunRetention(Today.AddYears(2), DryRun: true));

        var ethicsCase = await Db.Read(db => db.Cases.SingleAsync(c => c.Id == filed.CaseId));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((dry.DryRun, dry.Purged), Is.EqualTo((true, new[] { filed.Reference })));
            Assert.That(await Db.Read(db => db.AuditEvents.CountAsync()), Is.EqualTo(events));
            Assert.That((ethicsCase.ContentPurgedAt, ethicsCase.Details), Is.EqualTo(((DateTime?)null, "The Zanzibarite supplier was paid twice for the Marrowgate order.")));
            Assert.That(await Db.Read(db => db.DataKeys.AnyAsync(k => k.OwnerId == filed.CaseId)), Is.True);
            Assert.That(await Db.Read(db => db.CaseMessages.AnyAsync(m => m.CaseId == filed.CaseId && m.PurgedAt == null)), Is.True);
        });
    }

    [Test]
    public async Task A_purge_as_of_a_future_date_is_refused()
    {
        await Dismissed(Db);

        Assert.That(() => Db.SendAs(null, new RunRetention(Today.AddYears(2))),
            Throws.TypeOf<ValidationFailedException>().With.Property(nameof(ValidationFailedException.Errors)).ContainKey("asOf"));
    }

    [Test]
    public async Task A_violation_is_kept_seven_years_and_its_determination_and_notice_are_then_removed()
    {
        var filed = await Determinations.DeterminationScenario.BeforeTheBoard(Db, Cast.Controller);
        await Db.SendAs(Cast.AuditChair, Determinations.DeterminationScenario.Minor(filed.Reference, EthicsCases.Domain.Sanctions.Sanction.WrittenNotice));
        await Db.SendAs(Cast.AuditChair, new GetNotice(filed.Reference));
        Db.Clock.Advance(TimeSpan.FromDays(365 * 7));

        var sixYears364 = await Db.SendAs(null, new RunRetention());
        Db.Clock.Advance(TimeSpan.FromDays(2));
        var sevenYears = await Db.SendAs(null, new RunRetention());

        var determination = await Db.Read(db => db.Determinations.AsNoTracking().SingleAsync(d => d.CaseId == filed.CaseId));
        var verified = await Db.SendAs(null, new VerifyAudit());
        Assert.Multiple(() =>
        {
            Assert.That(sixYears364.Purged, Is.Empty);
            Assert.That(sevenYears.Purged, Is.EqualTo(new[] { filed.Reference }));
            Assert.That((determination.SealedRationale, determination.SealedNoticePdf, determination.PurgedAt is not null), Is.EqualTo(((byte[]?)null, (byte[]?)null, true)));
            Assert.That(verified.Problems, Is.Empty);
        });
    }

    [Test]
    public async Task A_purge_without_its_ContentPurged_event_is_caught_by_verify()
    {
        var filed = await Dismissed(Db);
        var at = Db.Clock.GetUtcNow().UtcDateTime;
        await Db.Read(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"CaseMessages\" SET \"Text\" = NULL, \"PurgedAt\" = {at} WHERE \"CaseId\" = {filed.CaseId}"));
        await Db.Read(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"EvidenceFiles\" SET \"Content\" = NULL, \"FileName\" = NULL, \"PurgedAt\" = {at} WHERE \"CaseId\" = {filed.CaseId}"));

        var verified = await Db.SendAs(null, new VerifyAudit());

        Assert.Multiple(() =>
        {
            Assert.That(verified.Valid, Is.False);
            Assert.That(verified.Problems.Select(p => p.Kind), Does.Contain("MessageContent").And.Contain("EvidenceContent"));
            Assert.That(verified.Problems.Where(p => p.Kind == "MessageContent").Select(p => p.Detail), Has.Some.Contains("never purged"));
        });
    }

    [Test]
    public async Task The_data_key_of_a_purged_case_is_gone_so_its_old_ciphertext_stays_unreadable_and_no_narrative_word_remains()
    {
        var filed = await RetentionScenario.Dismissed(Db);
        var anonymous = await Db.SendAs(null, new EthicsCases.Features.Anonymous.FileAnonymousReport("Fraud", "Anonymous Quillfeather tip", null, []));
        var anonymousId = await Db.Read(db => db.Cases.Where(c => c.Reference == anonymous.Reference).Select(c => c.Id).SingleAsync());
        await Db.SendAs(Cast.AuditChair, new FireTrigger(anonymous.Reference, "Dismiss", "Not enough to go on"));
        var old = await Db.Read(db => db.CaseMessages.AsNoTracking().Where(m => m.CaseId == filed.CaseId).Select(m => new { m.Id, m.SealedText }).SingleAsync());
        var openedBefore = await OpenWithCurrentKeys(filed.CaseId, old.Id, old.SealedText!);
        Db.Clock.Advance(TimeSpan.FromDays(400));

        var run = await Db.SendAs(null, new RunRetention());

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(run.Purged, Is.EquivalentTo(new[] { filed.Reference, anonymous.Reference }));
            Assert.That(openedBefore, Is.EqualTo("Called the Oxbowquay office about the Marrowgate order."), "the control: the key opened it before");
            Assert.That(await Db.Read(db => db.DataKeys.AnyAsync(k => k.OwnerId == filed.CaseId || k.OwnerId == anonymousId)), Is.False);
            Assert.That(() => OpenWithCurrentKeys(filed.CaseId, old.Id, old.SealedText!), Throws.InstanceOf<InvalidOperationException>(),
                "a copy of the ciphertext (WAL, backup) no longer opens");
            Assert.That(await Db.Read(db => db.AnonymousCredentials.AnyAsync(a => a.CaseId == anonymousId)), Is.False,
                "the anonymous reporter's key and password hashes go with the content");
            Assert.That((await Db.SendAs(null, new VerifyAudit())).Problems, Is.Empty);
        });
        if (Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(Db.Connection).DataSource;
            var raw = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file))
                + (File.Exists(file + "-wal") ? Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file + "-wal")) : "");
            Assert.That(NarrativeWords.Where(w => raw.Contains(w, StringComparison.Ordinal)), Is.Empty);
        }
    }

    private async Task<string?> OpenWithCurrentKeys(Guid caseId, Guid messageId, byte[] sealedText)
    {
        await using var scope = Db.Scope(null);
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        await db.Vault.EnsureAsync(db, [caseId], create: false, DateTime.UtcNow, CancellationToken.None);
        return db.Vault.For(caseId).OpenText($"message:{messageId:N}", sealedText);
    }
}
