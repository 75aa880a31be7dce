using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
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

    /// <summary>Loads the three queues.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await mediator.Send(new ReviewQueue([CaseState.Intake, CaseState.AuditCommitteeReview, CaseState.BoardDetermination]), ct);
        Review = all.Where(q => q.State == CaseState.AuditCommitteeReview).ToList();
        Intake = all.Where(q => q.State == CaseState.Intake).ToList();
        Board = all.Where(q => q.State == CaseState.BoardDetermination).ToList();
    }
}
