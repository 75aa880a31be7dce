using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Waivers;
using EthicsCases.Web.Auth;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;

namespace EthicsCases.Web.Pages.Waivers;

/// <summary>What the Waivers pages share: who may use which form (the handlers decide; this only hides forms that would be refused).</summary>
public static class WaiverPages
{
    /// <summary>Whether the signed-in person holds the role.</summary>
    public static bool Has(ClaimsPrincipal user, Role role)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(AuthSetup.DirectoryRole, role.ToString());
    }

    /// <summary>The General Counsel and the Audit Committee record disclosures and confirm implicit waivers.</summary>
    public static bool RecordsDisclosures(ClaimsPrincipal user) => Has(user, Role.GeneralCounsel) || Has(user, Role.AuditCommittee);

    /// <summary>The register's clock in words: "3 business days left", "due today", "2 business days overdue".</summary>
    public static string Clock(WaiverRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.BusinessDaysLeft switch
        {
            null when row.Disclosed is not null => row.Late == true ? "disclosed late" : "disclosed on time",
            null => "",
            0 when !row.Overdue => "due today",
            1 => "1 business day left",
            > 1 and var n => $"{n} business days left",
            var n => $"{-n} business day{(n == -1 ? "" : "s")} overdue",
        };
    }

    /// <summary>"Requested", "Granted", ... with "(implicit)" for an implicit waiver.</summary>
    public static string State(WaiverRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.State + (row.Implicit ? " (implicit)" : "");
    }

    /// <summary>On what footing it was decided, in words.</summary>
    public static string Basis(WaiverDecisionBasis? basis) => basis switch
    {
        WaiverDecisionBasis.Board => "the Board",
        WaiverDecisionBasis.Designee => "the Board's designee",
        WaiverDecisionBasis.ImplicitWaiver => "implicit waiver confirmed by the General Counsel",
        _ => "",
    };
}

/// <summary>
/// The "waiver disclosures due" block of the queues (/Review, /Triage): granted waivers not yet disclosed, soonest due
/// first, overdue highlighted. A view component so the queue pages only include one line.
/// </summary>
public sealed class WaiverClocksViewComponent(IMediator mediator) : ViewComponent
{
    /// <summary>Renders the block; nothing when nothing is due.</summary>
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var rows = await mediator.Send(new ListWaivers(), HttpContext.RequestAborted);
        var due = rows.Where(r => r.State == WaiverState.Granted && r.DisclosureDue is not null).OrderBy(r => r.DisclosureDue).ToList();
        return View("/Pages/Waivers/_WaiverClocks.cshtml", due);
    }
}
