using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Web.Auth;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EthicsCases.Web.Pages.Triage;

/// <summary>The General Counsel's triage queue (and the Board's referrals): Sends <see cref="ReviewQueue"/>.</summary>
public sealed class IndexModel(IMediator mediator, IOptions<TriageOptions> triage) : PageModel
{
    /// <summary>Oldest first, one page.</summary>
    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];

    /// <summary>Previous and next pages.</summary>
    public PageLinks Pages { get; private set; } = new(null, null, 1);

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

        var page = await mediator.Send(new ReviewQueue(states, Paging.DefaultLimit, PageLinks.After(Request)), ct);
        Queue = page;
        Pages = PageLinks.For(Request, page.Next);
    }
}
