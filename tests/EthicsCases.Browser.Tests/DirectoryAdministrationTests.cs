using EthicsCases.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EthicsCases.Browser.Tests;

/// <summary>The administrator takes a role away and deactivates a departing member on <c>/Admin/People</c>.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DirectoryAdministrationTests
{
    private const string Admin = "it.admin@alto.example";
    private const string Departing = "departing.ac@alto.example";

    [OneTimeSetUp]
    public async Task Directory()
    {
        await BrowserApp.AddPersonAsync(Admin, "Kim Okafor", "Compliance Systems Administrator", Role.Administrator);
        await BrowserApp.AddPersonAsync(Departing, "Pat Lindqvist", "Audit Committee Member", Role.AuditCommittee, Role.Board);
    }

    [Test]
    public async Task Administrator_takes_a_role_away_and_deactivates_a_departing_member()
    {
        var departing = await BrowserApp.SignInAsync(Departing);
        await departing.GotoAsync("/Dashboard");
        await Expect(departing.Locator("h1")).ToContainTextAsync("Dashboard");

        var admin = await BrowserApp.SignInAsync(Admin);
        await admin.ClickAsync("nav.mainnav a:text('Directory')");
        await admin.ClickAsync($"#directory a:text('Pat Lindqvist')");
        await admin.UncheckAsync("#update-person input[name=Roles][value=AuditCommittee]");
        await admin.ClickAsync("#update-person button[type=submit]");
        await Expect(admin.Locator(".flash.ok")).ToContainTextAsync($"{Departing} saved: Board");

        // The session the member opened before still works, but without the Audit Committee's pages.
        var refused = await departing.GotoAsync("/Dashboard");
        Assert.That(refused!.Url, Does.Contain("/Status"));

        // A refused deactivation keeps the form; then the reason is given.
        await admin.EvaluateAsync("document.querySelector('#Reason').removeAttribute('required')");
        await admin.ClickAsync("#deactivate-person button[type=submit]");
        await Expect(admin.Locator("#person-errors")).ToContainTextAsync("Reason");
        await admin.FillAsync("#Reason", "Term on the Audit Committee ended at the annual meeting.");
        await BrowserApp.ScreenshotAsync(admin, "directory-admin");
        await admin.ClickAsync("#deactivate-person button[type=submit]");
        await Expect(admin.Locator(".flash.ok")).ToContainTextAsync("is deactivated");
        await Expect(admin.Locator("#directory tr", new() { HasText = "Pat Lindqvist" })).ToContainTextAsync("deactivated");

        var afterwards = await departing.GotoAsync("/Reports");
        Assert.That(afterwards!.Url, Does.Contain("/Status"));
    }
}
