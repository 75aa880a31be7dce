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
public sealed class IndexModel(IMediator mediator) : PageModel, IFormPage
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
    public static long MaxBytes => Form4Files.MaxBytes;

    /// <summary>Files per upload, for the form's hint.</summary>
    public const int MaxFiles = Form4Files.MaxFiles;

    /// <summary>Shows the upload form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks or imports the uploaded files.</summary>
    public async Task OnPostAsync(List<IFormFile>? files, CancellationToken ct)
    {
        ModelState.Clear();
        FilingTime? filed = FiledDate is { } date ? new FilingTime(date, FiledTime) : null;
        var uploaded = await Uploads.Form4FilesAsync(files, ct);
        // Each file is parsed once: by the check alone, or by the import, which hands back what it read.
        if (CheckOnly)
        {
            var checkedFiles = await mediator.Send(new CheckForm4(uploaded, filed), ct);
            Files = Outcomes(checkedFiles);
        }
        else
        {
            Import = await mediator.Send(new ImportForm4(uploaded, filed), ct);
            Files = await WithImportAsync(Outcomes(Import.Checked), Import, ct);
        }

        Processed = true;
    }

    public Task ReloadAsync(CancellationToken ct) => Task.CompletedTask;

    private static List<FileOutcome> Outcomes(IEnumerable<Form4Checked> files) =>
        files.Select(c => new FileOutcome(c.File, c.Result, c.Error, c.Error is null ? "Checked" : "Not readable", [])).ToList();

    // Joins the import's answer to the checked files by name, in order, so two uploads of one name stay apart. The
    // importer files the concerns, but recusal still applies: one naming them is filed and not shown to them.
    private async Task<List<FileOutcome>> WithImportAsync(List<FileOutcome> outcomes, ImportForm4Result import, CancellationToken ct)
    {
        var visible = (await mediator.Send(new FindCases(import.ConcernsFiled), ct)).ToDictionary(c => c.CaseId);
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
                var concerns = filing.ConcernsFiled.Select(id => visible.TryGetValue(id, out var c)
                    ? new ConcernLink(id, c.Reference, c.Summary)
                    : new ConcernLink(id, null, null)).ToList();
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
