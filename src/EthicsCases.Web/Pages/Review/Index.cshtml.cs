using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Review;

/// <summary>The Audit Committee's review queue: Sends <see cref="ReviewQueue"/>.</summary>
public sealed class IndexModel(IMediator mediator, IConfiguration configuration) : PageModel
{
    /// <summary>Cases awaiting the Committee's review.</summary>
    public IReadOnlyList<QueueItem> Review { get; private set; } = [];

    /// <summary>New cases in intake (the Committee triages those routed to it alone).</summary>
    public IReadOnlyList<QueueItem> Intake { get; private set; } = [];

    /// <summary>Cases awaiting the Board.</summary>
    public IReadOnlyList<QueueItem> Board { get; private set; } = [];

    /// <summary>The configured service level.</summary>
    public int OverdueAfter { get; private set; }

    /// <summary>Loads the three queues.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        OverdueAfter = CasesApi.OverdueThreshold(configuration);
        var all = await mediator.Send(new ReviewQueue([CaseState.Intake, CaseState.AuditCommitteeReview, CaseState.BoardDetermination], OverdueAfter), ct);
        Review = all.Where(q => q.State == CaseState.AuditCommitteeReview).ToList();
        Intake = all.Where(q => q.State == CaseState.Intake).ToList();
        Board = all.Where(q => q.State == CaseState.BoardDetermination).ToList();
    }
}
