using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Web.Auth;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EthicsCases.Web.Pages.Triage;

/// <summary>The General Counsel's triage queue (and the Board's referrals): Sends <see cref="ReviewQueue"/>.</summary>
public sealed class IndexModel(IMediator mediator, IOptions<TriageOptions> triage) : PageModel
{
    /// <summary>Oldest first.</summary>
    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];

    /// <summary>The configured service level.</summary>
    public int OverdueAfter => triage.Value.OverdueAfterBusinessDays;

    /// <summary>Loads the queue for the person's roles.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var states = new List<CaseState>();
        if (User.HasClaim(AuthSetup.DirectoryRole, nameof(Role.GeneralCounsel)))
        {
            states.AddRange([CaseState.Intake, CaseState.GeneralCounselReview]);
        }

        if (User.HasClaim(AuthSetup.DirectoryRole, nameof(Role.Board)))
        {
            states.Add(CaseState.BoardDetermination);
        }

        if (states.Count == 0)
        {
            states.Add(CaseState.Intake);
        }

        Queue = await mediator.Send(new ReviewQueue(states), ct);
    }
}
