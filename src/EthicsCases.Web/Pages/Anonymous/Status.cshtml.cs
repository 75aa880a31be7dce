using EthicsCases.Features.Anonymous;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Anonymous;

/// <summary>
/// The anonymous reporter checks progress, writes to the reviewers and attaches documents: Sends
/// <see cref="CheckAnonymousReport"/>, <see cref="ReplyAnonymously"/> and <see cref="UploadEvidenceAnonymously"/>.
/// </summary>
public sealed class StatusModel(IMediator mediator) : PageModel, IFormPage
{
    [BindProperty]
    public string? ReportKey { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>A reply to the reviewers.</summary>
    [BindProperty]
    public string? Reply { get; set; }

    /// <summary>The report, once the credentials check out.</summary>
    public AnonymousReportStatus? Report { get; private set; }

    /// <summary>Shows the credential form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the credentials and shows the report.</summary>
    public async Task OnPostAsync(CancellationToken ct) =>
        Report = await mediator.Send(new CheckAnonymousReport(ReportKey ?? "", Password ?? ""), ct);

    /// <summary>Sends a reply, then shows the report again; a refused reply keeps the report on screen.</summary>
    public async Task OnPostReplyAsync(CancellationToken ct)
    {
        await OnPostAsync(ct);
        await mediator.Send(new ReplyAnonymously(ReportKey ?? "", Password ?? "", Reply ?? ""), ct);
        Reply = null;
        TempData["Flash"] = "Your message was sent to the reviewers.";
        await OnPostAsync(ct);
    }

    /// <summary>Attaches a document with the credentials, then shows the report again.</summary>
    public async Task OnPostEvidenceAsync(IFormFile? file, CancellationToken ct)
    {
        await OnPostAsync(ct);
        var content = file is null ? [] : await Uploads.ReadAsync(file, EthicsCases.Domain.EvidencePolicy.MaxBytes, ct) ?? [];
        var uploaded = await mediator.Send(new UploadEvidenceAnonymously(ReportKey ?? "", Password ?? "", file?.FileName ?? "", content), ct);
        TempData["Flash"] = $"{uploaded.FileName} was attached to your report.";
        await OnPostAsync(ct);
    }

    // The report (when the credentials were good) is already loaded on this instance.
    public Task ReloadAsync(CancellationToken ct) => Task.CompletedTask;

    // One message for an unknown key and a wrong password alike, shown in the form.
    bool IFormPage.NotFoundIsFormError => true;
}
