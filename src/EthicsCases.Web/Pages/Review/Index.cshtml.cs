using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EthicsCases.Web.Pages.Review;

/// <summary>The Audit Committee's review queue: Sends <see cref="ReviewQueue"/>.</summary>
public sealed class IndexModel(IMediator mediator, IOptions<TriageOptions> triage) : PageModel
{
    /// <summary>Cases awaiting the Committee's review.</summary>
    public IReadOnlyList<QueueItem> Review { get; private set; } = [];

    /// <summary>New cases in intake (the Committee triages those routed to it alone).</summary>
    public IReadOnlyList<QueueItem> Intake { get; private set; } = [];

    /// <summary>Cases awaiting the Board.</summary>
    public IReadOnlyList<QueueItem> Board { get; private set; } = [];

    /// <summary>The configured service level.</summary>
    public int OverdueAfter => triage.Value.OverdueAfterBusinessDays;

    /// <summary>Pages of <see cref="Review"/>.</summary>
    public PageLinks ReviewPages { get; private set; } = new(null, null, 1);

    /// <summary>Pages of <see cref="Intake"/>.</summary>
    public PageLinks IntakePages { get; private set; } = new(null, null, 1);

    /// <summary>Pages of <see cref="Board"/>.</summary>
    public PageLinks BoardPages { get; private set; } = new(null, null, 1);

    /// <summary>Loads one page of each of the three queues; each pages on its own.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        (Review, ReviewPages) = await LoadAsync(CaseState.AuditCommitteeReview, "review", ct);
        (Board, BoardPages) = await LoadAsync(CaseState.BoardDetermination, "board", ct);
        (Intake, IntakePages) = await LoadAsync(CaseState.Intake, "intake", ct);
    }

    private async Task<(IReadOnlyList<QueueItem>, PageLinks)> LoadAsync(CaseState state, string prefix, CancellationToken ct)
    {
        var page = await mediator.Send(new ReviewQueue([state], Paging.DefaultLimit, PageLinks.After(Request, prefix)), ct);
        return (page, PageLinks.For(Request, page.Next, prefix));
    }
}
