using System.Text;
using EthicsCases.Features.Oversight;
using EthicsCases.Web.Auth;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Oversight;

/// <summary>
/// The case export as a CSV download: Sends <see cref="ExportCases"/> and streams the rows into the response. A POST
/// (with the antiforgery token), since it records an event.
/// </summary>
[Authorize(Policy = Policies.DirectoryPerson)]
public sealed class ExportModel(IMediator mediator) : PageModel
{
    /// <summary>Nothing to show: the export is a POST.</summary>
    public IActionResult OnGet() => RedirectToPage("/Index");

    /// <summary>Streams the CSV.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var export = await mediator.Send(new ExportCases(), ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"cases.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024, leaveOpen: true);
        await export.WriteAsync(writer, ct);
        return new EmptyResult();
    }
}
