using System.Net;
using System.Text.RegularExpressions;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Web;

/// <summary><c>/Admin/People</c>: the administrator's page for the directory, and demo data in Development only.</summary>
public sealed partial class AdminPeoplePageTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static HttpClient Browser(EthicsWebFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups[1].Value;
        var separator = page.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await client.PostAsync($"{page}{separator}handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<Person> Read(EthicsWebFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EthicsDbContext>().People.AsNoTracking().SingleAsync(p => p.Email == email);
    }

    [Test]
    public async Task Only_an_Administrator_opens_the_page()
    {
        using var app = new EthicsWebFactory();
        var admin = await app.AddPersonAsync("admin@example.com", "Ada Admin", Role.Administrator);
        var officer = await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        using var adminBrowser = Browser(app);
        using var officerBrowser = Browser(app);
        (await SessionCookieTests.SignInAsync(adminBrowser, admin.Email)).Dispose();
        (await SessionCookieTests.SignInAsync(officerBrowser, officer.Email)).Dispose();

        using var asAdmin = await adminBrowser.GetAsync("/Admin/People");
        using var asOfficer = await officerBrowser.GetAsync("/Admin/People");
        var html = await asAdmin.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(asAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("cfo@example.com").And.Contain("Casey Officer"));
            Assert.That(asOfficer.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(asOfficer.Headers.Location?.AbsolutePath, Is.EqualTo("/Status"));
        });
    }

    [Test]
    public async Task The_administrator_changes_roles_and_the_change_holds_on_the_next_request()
    {
        using var app = new EthicsWebFactory();
        var admin = await app.AddPersonAsync("admin@example.com", "Ada Admin", Role.Administrator);
        var ac = await app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
        using var adminBrowser = Browser(app);
        using var acBrowser = Browser(app);
        (await SessionCookieTests.SignInAsync(adminBrowser, admin.Email)).Dispose();
        (await SessionCookieTests.SignInAsync(acBrowser, ac.Email)).Dispose();
        using var before = await acBrowser.GetAsync("/Dashboard");

        using var saved = await PostAsync(adminBrowser, "/Admin/People?email=ac@example.com", "Update", new Dictionary<string, string>
        {
            ["Name"] = "Avery Chair", ["Title"] = "Director", ["Roles"] = "Board",
        });
        using var after = await acBrowser.GetAsync("/Dashboard");
        var stored = await Read(app, ac.Email);

        Assert.Multiple(() =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That((stored.Roles, stored.Title), Is.EqualTo(((List<Role>)[Role.Board], "Director")));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the Audit Committee's dashboard is closed to a Board member");
        });
    }

    [Test]
    public async Task A_deactivation_without_a_reason_comes_back_with_the_error_and_changes_nothing()
    {
        using var app = new EthicsWebFactory();
        var admin = await app.AddPersonAsync("admin@example.com", "Ada Admin", Role.Administrator);
        await app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        using var browser = Browser(app);
        (await SessionCookieTests.SignInAsync(browser, admin.Email)).Dispose();

        using var refused = await PostAsync(browser, "/Admin/People?email=cfo@example.com", "Deactivate", new Dictionary<string, string> { ["Reason"] = "" });
        var page = await refused.Content.ReadAsStringAsync();
        var untouched = await Read(app, "cfo@example.com");
        using var done = await PostAsync(browser, "/Admin/People?email=cfo@example.com", "Deactivate", new Dictionary<string, string> { ["Reason"] = "Left the company." });
        var deactivated = await Read(app, "cfo@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page, Does.Contain("person-errors").And.Contain("Reason"));
            Assert.That(page, Does.Contain("maxlength=\"1000\""), "the limit comes from the validator");
            Assert.That(untouched.Active, Is.True);
            Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That((deactivated.Active, deactivated.DeactivationReason), Is.EqualTo((false, "Left the company.")));
        });
    }

    [Test]
    public async Task Demo_data_is_for_Development_only()
    {
        using var production = new EntraWebFactory();
        using var development = new EthicsWebFactory();
        var administrator = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(AuthSetup.DirectoryPersonId, Guid.NewGuid().ToString()), new(AuthSetup.DirectoryRole, nameof(Role.Administrator))], "test"));

        var inProduction = await production.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(administrator, Policies.DemoData);
        var adminInProduction = await production.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(administrator, Policies.Administrator);
        var inDevelopment = await development.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(administrator, Policies.DemoData);

        Assert.Multiple(() =>
        {
            Assert.That(inProduction.Succeeded, Is.False);
            Assert.That(adminInProduction.Succeeded, Is.True, "the principal is an administrator");
            Assert.That(inDevelopment.Succeeded, Is.True);
        });
    }
}
