using System.Net;
using EthicsCases.Domain;
using EthicsCases.Tests.Web;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Features.Retention;

/// <summary>The case page shows legal holds and the redaction forms to reviewers only, through the real app.</summary>
[TestFixture]
public sealed class CasePageRetentionTests
{
    private EthicsWebFactory _app = null!;
    private Person _officer = null!;
    private Person _ac = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = new EthicsWebFactory();
        _officer = await _app.AddPersonAsync("cfo@example.com", "Casey Officer", Role.Officer);
        _ac = await _app.AddPersonAsync("ac@example.com", "Avery Chair", Role.AuditCommittee);
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task A_reviewer_sees_the_active_hold_and_the_forms_and_the_reporter_sees_neither()
    {
        var reference = (await _app.FileAsync(_officer, ConcernCategory.Fraud)).Reference;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<EthicsCases.Common.ActorContext>().Email = _ac.Email;
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EthicsCases.Features.Retention.PlaceLegalHold(reference, "Litigation hold LH-77"));
        }

        var reviewerPage = await PageAs(_ac.Email, reference);
        var reporterPage = await PageAs(_officer.Email, reference);

        Assert.Multiple(() =>
        {
            Assert.That(reviewerPage.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reviewerPage.Html, Does.Contain("Litigation hold LH-77").And.Contain("Release hold").And.Contain("Place legal hold")
                .And.Contain("Redact a passage of this account"));
            Assert.That(reporterPage.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reporterPage.Html, Does.Not.Contain("LH-77").And.Not.Contain("Redact a passage").And.Not.Contain("legal hold"));
        });
    }

    private async Task<(HttpStatusCode Status, string Html)> PageAs(string email, string reference)
    {
        using var browser = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false,
        });
        (await SessionCookieTests.SignInAsync(browser, email)).Dispose();
        using var page = await browser.GetAsync($"/Cases/{reference}");
        return (page.StatusCode, await page.Content.ReadAsStringAsync());
    }
}
