using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Features.People;
using EthicsCases.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Pages.Admin;

/// <summary>
/// The directory's administration (Administrator): the list (<see cref="ListDirectory"/>), a person's name, title,
/// roles and Entra ID link (<see cref="UpdatePerson"/>), and deactivation with a reason (<see cref="DeactivatePerson"/>),
/// the same commands as <c>ethics people list|update|deactivate</c>. Changes take effect on the person's next request.
/// </summary>
public sealed class PeopleModel(IMediator mediator) : PageModel, IFormPage
{
    /// <summary>The directory, active people first.</summary>
    public IReadOnlyList<DirectoryPerson> People { get; private set; } = [];

    /// <summary>The person being edited, when one is chosen.</summary>
    public DirectoryPerson? Selected { get; private set; }

    /// <summary>Previous and next pages of the directory.</summary>
    public PageLinks Pages { get; private set; } = new(null, null, 1);

    /// <summary>The chosen person's e-mail.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    /// <summary>Display name.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Job title; empty clears it.</summary>
    [BindProperty]
    public string? Title { get; set; }

    /// <summary>The roles ticked: they replace the person's roles.</summary>
    [BindProperty]
    public List<string> Roles { get; set; } = [];

    /// <summary>Entra ID tenant (directory) id to link, with <see cref="ObjectId"/>.</summary>
    [BindProperty]
    public string? TenantId { get; set; }

    /// <summary>Entra ID object id of the account to link.</summary>
    [BindProperty]
    public string? ObjectId { get; set; }

    /// <summary>Why the person is deactivated.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Shows the list, and the chosen person's form filled in.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (Selected is { } person)
        {
            Name = person.Name;
            Title = person.Title;
            Roles = person.Roles.Select(r => r.ToString()).ToList();
            TenantId = person.TenantId?.ToString();
            ObjectId = person.ObjectId?.ToString();
        }
    }

    /// <summary>Saves name, title, roles and link.</summary>
    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var updated = await mediator.Send(new UpdatePerson(Email ?? "", Name ?? "", Title ?? "", Roles,
            string.IsNullOrWhiteSpace(TenantId) ? null : TenantId.Trim(), string.IsNullOrWhiteSpace(ObjectId) ? null : ObjectId.Trim()), ct);
        TempData["Flash"] = $"{updated.Email} saved: {(updated.Roles.Count == 0 ? "no roles" : string.Join(", ", updated.Roles.Select(Labels.Role)))}.";
        return RedirectToPage(new { email = updated.Email });
    }

    /// <summary>Deactivates the chosen person.</summary>
    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var deactivated = await mediator.Send(new DeactivatePerson(Email ?? "", Reason ?? ""), ct);
        TempData["Flash"] = $"{deactivated.Email} is deactivated: from their next request on they can open nothing.";
        return RedirectToPage(new { email = deactivated.Email });
    }

    /// <summary>Whether the chosen person holds a role (as entered, after a refused save).</summary>
    public bool Ticked(Role role) => Roles.Contains(role.ToString(), StringComparer.OrdinalIgnoreCase);

    public async Task ReloadAsync(CancellationToken ct)
    {
        var page = await mediator.Send(new ListDirectory(Paging.DefaultLimit, PageLinks.After(Request)), ct);
        People = page;
        Pages = PageLinks.For(Request, page.Next);
        // The chosen person need not be on the page shown.
        Selected = string.IsNullOrWhiteSpace(Email) ? null : (await mediator.Send(new ListDirectory(Email: Email), ct)) is { Count: > 0 } one ? one[0] : null;
    }
}
