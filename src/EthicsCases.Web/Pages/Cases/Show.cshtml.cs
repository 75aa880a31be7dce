using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Evidence;
using EthicsCases.Features.Messages;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Cases;

/// <summary>
/// One case as the signed-in person may see it: Sends <see cref="ShowCase"/>, <see cref="ShowThread"/> and, for
/// reviewers, <see cref="ListEvidence"/>; its forms Send <see cref="FireTrigger"/>, <see cref="PostMessage"/> and
/// <see cref="UploadEvidence"/>. An invisible or recused case answers 404 (RejectionPageFilter).
/// </summary>
public sealed class ShowModel(IMediator mediator) : PageModel
{
    /// <summary>The case.</summary>
    public CaseDetail Case { get; private set; } = null!;

    /// <summary>The thread as this person may read it.</summary>
    public IReadOnlyList<ThreadMessage> Thread { get; private set; } = [];

    /// <summary>Evidence (reviewers only).</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; private set; } = [];

    /// <summary>Whether the signed-in person filed the case.</summary>
    public bool IsReporter { get; private set; }

    /// <summary>Loads everything the person may see.</summary>
    public async Task OnGetAsync(string key, CancellationToken ct)
    {
        Case = await mediator.Send(new ShowCase(key), ct);
        Thread = await mediator.Send(new ShowThread(key), ct);
        Evidence = Case.IsReviewer ? await mediator.Send(new ListEvidence(key), ct) : [];
        IsReporter = Case.Reporter is not null && string.Equals(Case.Reporter.Email, Auth.AuthSetup.EmailOf(User), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Fires a workflow trigger with the reason given.</summary>
    public Task<IActionResult> OnPostFireAsync(string key, string trigger, string? reason, CancellationToken ct) =>
        AttemptAsync(key, async () =>
        {
            var fired = await mediator.Send(new FireTrigger(key, trigger, reason), ct);
            return $"{Labels.Trigger(Enum.Parse<CaseTrigger>(trigger))}: the case is now in {Labels.State(fired.State)}.";
        });

    /// <summary>Writes in the thread.</summary>
    public Task<IActionResult> OnPostMessageAsync(string key, string? text, bool shared, CancellationToken ct) =>
        AttemptAsync(key, async () =>
        {
            var posted = await mediator.Send(new PostMessage(key, text ?? "", shared), ct);
            return posted.SharedWithReporter ? "Message sent." : "Private note added.";
        });

    /// <summary>Attaches a document.</summary>
    public Task<IActionResult> OnPostEvidenceAsync(string key, IFormFile? file, CancellationToken ct) =>
        AttemptAsync(key, async () =>
        {
            if (file is null)
            {
                throw ValidationFailedException.For("file", "Choose a file to attach.");
            }

            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            var uploaded = await mediator.Send(new UploadEvidence(key, file.FileName, buffer.ToArray()), ct);
            return $"{uploaded.FileName} attached (SHA-256 {uploaded.Sha256[..12]}…).";
        });

    /// <summary>Downloads a document, always as an attachment.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(string key, Guid id, CancellationToken ct)
    {
        var file = await mediator.Send(new DownloadEvidence(key, id), ct);
        return File(file.Content, file.ContentType, file.FileName);
    }

    // Post-redirect-get: refusals (validation, workflow, a concurrent change) come back as a message on the case page.
    private async Task<IActionResult> AttemptAsync(string key, Func<Task<string>> action)
    {
        try
        {
            TempData["Flash"] = await action();
        }
        catch (RejectedException rejected) when (rejected is not NotFoundException)
        {
            TempData["Error"] = rejected is ValidationFailedException v
                ? string.Join(" ", v.Errors.SelectMany(e => e.Value))
                : rejected.Message;
        }

        return RedirectToPage("/Cases/Show", new { key });
    }
}
