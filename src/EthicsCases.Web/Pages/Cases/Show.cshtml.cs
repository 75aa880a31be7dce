using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.Evidence;
using EthicsCases.Features.Messages;
using EthicsCases.Features.Retention;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Cases;

/// <summary>
/// One case as the signed-in person may see it: Sends <see cref="ShowCase"/>, <see cref="ShowThread"/> and, for
/// reviewers, <see cref="ListEvidence"/> and <see cref="ListLegalHolds"/>; its forms Send <see cref="FireTrigger"/>,
/// <see cref="PostMessage"/>, <see cref="UploadEvidence"/>, <see cref="AcknowledgeReport"/>, <see cref="PlaceLegalHold"/>,
/// <see cref="ReleaseLegalHold"/> and <see cref="RedactContent"/>. The Board's determination has its own page. An invisible
/// or recused case answers 404.
/// </summary>
public sealed class ShowModel(IMediator mediator) : PageModel, IFormPage
{
    /// <summary>The case id or reference from the route.</summary>
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    public CaseDetail Case { get; private set; } = null!;

    /// <summary>The thread as this person may read it.</summary>
    public IReadOnlyList<ThreadMessage> Thread { get; private set; } = [];

    /// <summary>Evidence (reviewers only).</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; private set; } = [];

    /// <summary>Legal holds (reviewers only).</summary>
    public CaseLegalHolds Holds { get; private set; } = new(false, []);

    /// <summary>Whether the case's content was removed under the retention policy (nothing is left to redact or hold).</summary>
    public bool ContentPurged => Case.Summary == EthicsCase.PurgedText;

    /// <summary>Whether the Board's determination can be recorded now by this person.</summary>
    public bool CanDetermine => Case.PermittedTriggers.Contains(CaseTrigger.RecordDetermination);

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    /// <summary>Fires a workflow trigger with the reason given.</summary>
    public async Task<IActionResult> OnPostFireAsync(string trigger, string? reason, CancellationToken ct)
    {
        var fired = await mediator.Send(new FireTrigger(Key, trigger, reason), ct);
        return Done($"{Labels.Trigger(EnumNames.Parse<CaseTrigger>(trigger))}: the case is now in {Labels.State(fired.State)}.");
    }

    /// <summary>Writes in the thread.</summary>
    public async Task<IActionResult> OnPostMessageAsync(string? text, bool shared, bool feedback, CancellationToken ct)
    {
        var posted = await mediator.Send(new PostMessage(Key, text ?? "", shared, feedback), ct);
        return Done(posted.SharedWithReporter ? feedback ? "Feedback sent to the reporter." : "Message sent." : "Private note added.");
    }

    /// <summary>Acknowledges receipt to the reporter.</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken ct)
    {
        await mediator.Send(new AcknowledgeReport(Key), ct);
        return Done("Receipt acknowledged to the reporter.");
    }

    /// <summary>Attaches a document.</summary>
    public async Task<IActionResult> OnPostEvidenceAsync(IFormFile? file, CancellationToken ct)
    {
        var content = file is null ? [] : await Uploads.ReadAsync(file, EvidencePolicy.MaxBytes, ct) ?? [];
        var uploaded = await mediator.Send(new UploadEvidence(Key, file?.FileName ?? "", content), ct);
        return Done($"{uploaded.FileName} attached (SHA-256 {uploaded.Sha256[..12]}…).");
    }

    /// <summary>Downloads a document, always as an attachment.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(Guid id, CancellationToken ct)
    {
        var file = await mediator.Send(new DownloadEvidence(Key, id), ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>
    /// The written notice (PDF) of a determined violation: Audit Committee and Board only. A POST (with antiforgery)
    /// because every fetch is audited: a GET must not write.
    /// </summary>
    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken ct)
    {
        var notice = await mediator.Send(new GetNotice(Key), ct);
        return File(notice.Pdf, "application/pdf", notice.FileName);
    }

    /// <summary>Places a legal hold (General Counsel, Audit Committee).</summary>
    public async Task<IActionResult> OnPostHoldAsync(string? holdReason, CancellationToken ct)
    {
        await mediator.Send(new PlaceLegalHold(Key, holdReason ?? ""), ct);
        return Done("Legal hold placed: the case will not be purged until it is released.");
    }

    /// <summary>Releases a legal hold.</summary>
    public async Task<IActionResult> OnPostReleaseAsync(Guid holdId, string? releaseReason, CancellationToken ct)
    {
        var released = await mediator.Send(new ReleaseLegalHold(Key, releaseReason ?? "", holdId), ct);
        return Done($"Legal hold released; {released.ActiveHolds} active hold(s) remain.");
    }

    /// <summary>Redacts a passage of the account (<c>target=details</c>) or of a message (its id), for good.</summary>
    public async Task<IActionResult> OnPostRedactAsync(string? target, string? passage, string? redactReason, CancellationToken ct)
    {
        await mediator.Send(new RedactContent(Key, target ?? "", passage ?? "", redactReason ?? ""), ct);
        return Done("Passage redacted; the redaction is recorded in the history.");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Case = await mediator.Send(new ShowCase(Key), ct);
        // The thread belongs to the reporter and the reviewers; a designee of the Board who sees the case only to decide it
        // has no part in it (and the thread's own visibility knows nothing of designations).
        Thread = Case.IsReviewer || Case.IsReporter ? await mediator.Send(new ShowThread(Key), ct) : [];
        Evidence = Case.IsReviewer ? await mediator.Send(new ListEvidence(Key), ct) : [];
        Holds = Case.IsReviewer ? await mediator.Send(new ListLegalHolds(Key), ct) : new(false, []);
    }

    // Post-redirect-get: a refresh never repeats the action.
    private RedirectToPageResult Done(string flash)
    {
        TempData["Flash"] = flash;
        return RedirectToPage("/Cases/Show", new { key = Key });
    }
}
