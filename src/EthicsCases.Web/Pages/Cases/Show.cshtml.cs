using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.Evidence;
using EthicsCases.Features.Messages;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Cases;

/// <summary>
/// One case as the signed-in person may see it: Sends <see cref="ShowCase"/>, <see cref="ShowThread"/> and, for
/// reviewers, <see cref="ListEvidence"/>; its forms Send <see cref="FireTrigger"/>, <see cref="PostMessage"/> and
/// <see cref="UploadEvidence"/>. In BoardDetermination the Audit Committee's form Sends
/// <see cref="GetDeterminationContext"/> (Calculate) and <see cref="DetermineCase"/>; once a violation is determined the
/// notice link Sends <see cref="GetNotice"/>. An invisible or recused case answers 404 (RejectionPageFilter).
/// </summary>
public sealed class ShowModel(IMediator mediator, TimeProvider clock) : PageModel
{
    /// <summary>The case.</summary>
    public CaseDetail Case { get; private set; } = null!;

    /// <summary>The thread as this person may read it.</summary>
    public IReadOnlyList<ThreadMessage> Thread { get; private set; } = [];

    /// <summary>Evidence (reviewers only).</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; private set; } = [];

    /// <summary>Whether the signed-in person filed the case.</summary>
    public bool IsReporter { get; private set; }

    /// <summary>What the records say for the determination form (Audit Committee, case in BoardDetermination).</summary>
    public DeterminationContext? Context { get; private set; }

    /// <summary>The determination form as entered (kept when the handler refuses it).</summary>
    [BindProperty]
    public DeterminationInput Determination { get; set; } = new();

    /// <summary>Whether the Board's determination form is shown.</summary>
    public bool CanDetermine => Case.State == CaseState.BoardDetermination && Case.PermittedTriggers.Contains(CaseTrigger.RecordDetermination);

    /// <summary>Whether the written-notice link is shown: a determined violation, to the Audit Committee and the Board.</summary>
    public bool CanFetchNotice => Case.Outcome == CaseOutcome.ViolationFound && Case.IsReviewer
        && (User.HasClaim(Auth.AuthSetup.DirectoryRole, nameof(Role.AuditCommittee)) || User.HasClaim(Auth.AuthSetup.DirectoryRole, nameof(Role.Board)));

    /// <summary>The individual the form is about: the one chosen, or the only subject.</summary>
    public IndividualHistory? Individual => Context?.Individuals.Count == 1
        ? Context.Individuals[0]
        : Context?.Individuals.FirstOrDefault(i => string.Equals(i.Email, Determination.Subject, StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads everything the person may see.</summary>
    public async Task OnGetAsync(string key, CancellationToken ct)
    {
        await LoadAsync(key, ct);
        if (CanDetermine)
        {
            Context = await mediator.Send(new GetDeterminationContext(key), ct);
            Determination.MeetingDate ??= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Determination.Advised ??= Individual is { } who ? SanctionFactors.YesNo(who.Advised) : null;
        }
    }

    /// <summary>Re-renders the form with the recommendation and precedents for the factors entered (no change is made).</summary>
    public async Task<IActionResult> OnPostCalculateAsync(string key, CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(key, ct);
        await LoadContextAsync(key, reportErrors: true, ct);
        return Page();
    }

    /// <summary>Records the Board's determination; a refusal comes back next to the form with the values kept.</summary>
    public async Task<IActionResult> OnPostDetermineAsync(string key, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var d = Determination;
            var determined = await mediator.Send(new DetermineCase(key, d.ViolationFound == "yes", d.ToSanctions(), d.Severity, d.Occurrences,
                Blank(d.Intent), Blank(d.Advised), Blank(d.AdvisedReason), Blank(d.Reason), Blank(d.Rationale), Blank(d.Subject), d.MeetingDate), ct);
            TempData["Flash"] = $"The Board's determination is recorded: the case is {Labels.State(determined.State)} ({determined.Outcome})" +
                (determined.Sanctions.Count == 0 ? "." : $", actions: {string.Join(", ", determined.Sanctions)}.");
            return RedirectToPage("/Cases/Show", new { key });
        }
        catch (RejectedException rejected) when (rejected is not NotFoundException and not ForbiddenException)
        {
            ModelState.Add(rejected, nameof(Determination) + ".");
        }

        await LoadAsync(key, ct);
        await LoadContextAsync(key, reportErrors: false, ct);
        return Page();
    }

    /// <summary>The written notice (PDF) of a determined violation: Audit Committee and Board only, audited.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(string key, CancellationToken ct)
    {
        var notice = await mediator.Send(new GetNotice(key), ct);
        return File(notice.Pdf, "application/pdf", notice.FileName);
    }

    private async Task LoadAsync(string key, CancellationToken ct)
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

    // The preview needs the factors; until they are complete the form shows the records without a recommendation.
    private async Task LoadContextAsync(string key, bool reportErrors, CancellationToken ct)
    {
        if (!CanDetermine)
        {
            return;
        }

        var d = Determination;
        try
        {
            Context = await mediator.Send(new GetDeterminationContext(key, Blank(d.Subject), d.Severity, d.Occurrences, Blank(d.Intent), Blank(d.Advised)), ct);
        }
        catch (ValidationFailedException rejected)
        {
            if (reportErrors)
            {
                ModelState.Add(rejected, nameof(Determination) + ".");
            }

            Context = await mediator.Send(new GetDeterminationContext(key), ct);
        }

        Determination.Advised ??= Individual is { } who ? SanctionFactors.YesNo(who.Advised) : null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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

/// <summary>The Board-determination form's fields, named as in <c>ethics case determine</c>.</summary>
public sealed class DeterminationInput
{
    /// <summary>yes or no.</summary>
    public string? ViolationFound { get; set; } = "yes";

    /// <summary>The individual, when the case names several subjects.</summary>
    public string? Subject { get; set; }

    /// <summary>Nature and severity, 1 to 5.</summary>
    public int? Severity { get; set; }

    /// <summary>1 for a single occurrence.</summary>
    public int? Occurrences { get; set; }

    /// <summary>inadvertent or intentional.</summary>
    public string? Intent { get; set; }

    /// <summary>yes or no; pre-filled from the prior-advice ledger.</summary>
    public string? Advised { get; set; }

    /// <summary>Why advised differs from the ledger.</summary>
    public string? AdvisedReason { get; set; }

    /// <summary>The actions chosen.</summary>
    public List<Sanction> Sanctions { get; set; } = [];

    /// <summary>First day of each suspension (and the effective date of a demotion), by action.</summary>
    public Dictionary<Sanction, DateOnly?> From { get; set; } = [];

    /// <summary>Last day of each suspension, by action.</summary>
    public Dictionary<Sanction, DateOnly?> To { get; set; } = [];

    /// <summary>The new position on demotion or re-assignment.</summary>
    public string? Reassignment { get; set; }

    /// <summary>The Board meeting.</summary>
    public DateOnly? MeetingDate { get; set; }

    /// <summary>The Board's reasons.</summary>
    public string? Rationale { get; set; }

    /// <summary>Why the actions depart from the recommendation.</summary>
    public string? Reason { get; set; }

    /// <summary>The chosen actions with the dates entered against them; dates of actions not chosen are ignored.</summary>
    public IReadOnlyList<DeterminedSanction> ToSanctions() => Sanctions.Select(s => s switch
    {
        Sanction.SuspensionWithPay or Sanction.SuspensionWithoutPay => new DeterminedSanction(s, From.GetValueOrDefault(s), To.GetValueOrDefault(s)),
        Sanction.DemotionOrReassignment => new DeterminedSanction(s, From.GetValueOrDefault(s), null,
            string.IsNullOrWhiteSpace(Reassignment) ? null : Reassignment.Trim()),
        _ => new DeterminedSanction(s),
    }).ToList();
}
