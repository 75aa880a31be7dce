using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Form4;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Filings;

/// <summary>
/// "Form 4 filings": upload filings and either import them (Sends <see cref="ImportForm4"/>, as
/// <c>ethics form4 import --as</c> the signed-in person) or only check them (the pure checker, as
/// <c>ethics form4 check</c>; nothing stored). Each file is shown with what was parsed, its dates, findings and the
/// concerns it raised; a bad file is listed with its reason while the others go ahead.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>Transmission date (Eastern) for files without a submission header.</summary>
    [BindProperty]
    public DateOnly? FiledDate { get; set; }

    /// <summary>Transmission time (Eastern), optional: after 10 pm a Form 4 counts as filed the next business day.</summary>
    [BindProperty]
    public TimeOnly? FiledTime { get; set; }

    /// <summary>Check only: run the checker and store nothing.</summary>
    [BindProperty]
    public bool CheckOnly { get; set; }

    /// <summary>Whether a batch was just processed (the results section is shown).</summary>
    public bool Processed { get; private set; }

    /// <summary>One line per uploaded file, in upload order.</summary>
    public IReadOnlyList<FileOutcome> Files { get; private set; } = [];

    /// <summary>What the import reported (null for a check).</summary>
    public ImportForm4Result? Import { get; private set; }

    /// <summary>The largest file accepted, for the form's hint.</summary>
    public static long MaxBytes => Form4Uploads.MaxBytes;

    /// <summary>Files per upload, for the form's hint.</summary>
    public const int MaxFiles = Form4Uploads.MaxFiles;

    /// <summary>Shows the upload form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks or imports the uploaded files.</summary>
    public async Task<IActionResult> OnPostAsync(List<IFormFile>? files, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            FilingTime? filed = FiledDate is { } date ? new FilingTime(date, FiledTime) : null;
            var (readable, unreadable) = await Form4Uploads.ReadAsync(files, ct);
            var checkedFiles = Form4Uploads.Check(readable, filed);
            var outcomes = checkedFiles.Select(c => new FileOutcome(c.File, c.Result, c.Error, c.Error is null ? "Checked" : "Not readable", [])).ToList();
            if (!CheckOnly && readable.Count > 0)
            {
                Import = await mediator.Send(new ImportForm4(readable, filed), ct);
                outcomes = await WithImportAsync(outcomes, Import, ct);
            }

            outcomes.AddRange(unreadable.Select(u => new FileOutcome(u.File, null, u.Reason, "Not readable", [])));
            Files = outcomes;
            Processed = true;
        }
        catch (RejectedException rejected) when (rejected is not NotFoundException and not ForbiddenException)
        {
            ModelState.Add(rejected);
        }

        return Page();
    }

    // Joins the import's answer to the checked files by name, in order, so two uploads of one name stay apart.
    private async Task<List<FileOutcome>> WithImportAsync(List<FileOutcome> outcomes, ImportForm4Result import, CancellationToken ct)
    {
        var stored = import.Filings.ToList();
        var skipped = import.Skipped.ToList();
        var errors = import.Errors.ToList();
        var result = new List<FileOutcome>();
        foreach (var outcome in outcomes)
        {
            if (outcome.Error is not null)
            {
                result.Add(outcome);
            }
            else if (stored.FirstOrDefault(f => f.File == outcome.File) is { } filing)
            {
                stored.Remove(filing);
                var concerns = new List<ConcernLink>();
                foreach (var id in filing.ConcernsFiled)
                {
                    concerns.Add(await LinkAsync(id, ct));
                }

                result.Add(outcome with { Status = "Imported", Concerns = concerns });
            }
            else if (skipped.Contains(outcome.File))
            {
                skipped.Remove(outcome.File);
                result.Add(outcome with { Status = "Already imported: nothing changed" });
            }
            else if (errors.FirstOrDefault(e => e.File == outcome.File) is { } error)
            {
                errors.Remove(error);
                result.Add(outcome with { Status = "Not stored", Error = error.Reason });
            }
            else
            {
                result.Add(outcome);
            }
        }

        return result;
    }

    // The importer files the concern, but recusal still applies: one naming them is filed and not shown to them.
    private async Task<ConcernLink> LinkAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var detail = await mediator.Send(new ShowCase(id.ToString()), ct);
            return new ConcernLink(id, detail.Reference, detail.Summary);
        }
        catch (NotFoundException)
        {
            return new ConcernLink(id, null, null);
        }
    }

    /// <summary>One uploaded file.</summary>
    /// <param name="File">Its name.</param>
    /// <param name="Result">What the checker read and found (null when unreadable).</param>
    /// <param name="Error">Why it was not read or not stored.</param>
    /// <param name="Status">Checked, Imported, Already imported, Not readable, Not stored.</param>
    /// <param name="Concerns">Concerns the import filed for it.</param>
    public sealed record FileOutcome(string File, Form4CheckResult? Result, string? Error, string Status, IReadOnlyList<ConcernLink> Concerns);

    /// <summary>A concern filed by the import; reference null when the importer may not see it (recusal).</summary>
    public sealed record ConcernLink(Guid CaseId, string? Reference, string? Summary);
}
