using System.Net;
using EthicsCases.Domain;
using EthicsCases.Features.People;
using EthicsCases.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Web;

/// <summary>
/// Entra ID identity, with real signed tokens through Microsoft.Identity.Web: a directory person is bound to one
/// account (tenant, object id), linked on first sign-in by a verified UPN only; the tenant is pinned; the API needs
/// the Cases.ReadWrite scope or an app role; an <c>ethics:*</c> claim in a token grants nothing.
/// </summary>
[TestFixture]
public sealed class EntraIdBindingTests
{
    private EntraWebFactory _app = null!;

    [OneTimeSetUp]
    public void StartApp() => _app = new EntraWebFactory();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    private static string Unique(string local) => $"{local}-{Guid.NewGuid():N}@contoso.example";

    private async Task<HttpStatusCode> GetAsync(string token, string path = "/api/cases")
    {
        using var client = _app.ClientWith(token);
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    private Task<Person> ReadPersonAsync(string email) => _app.ReadAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == email));

    [Test]
    public async Task First_sign_in_links_by_preferred_username_of_a_v2_token_and_later_sign_ins_go_by_object_id_only()
    {
        var email = Unique("cfo");
        var person = await _app.AddPersonAsync(email, Role.Officer);
        var oid = Guid.NewGuid();

        var first = await GetAsync(_app.Token(oid, new Dictionary<string, object?> { ["preferred_username"] = email.ToUpperInvariant() }));
        var linked = await ReadPersonAsync(email);
        // The UPN was renamed in Entra: the account still is the same person.
        var renamed = await GetAsync(_app.Token(oid, new Dictionary<string, object?> { ["preferred_username"] = "renamed@contoso.example" }));
        // A new account that carries the same UPN is not that person: e-mail no longer decides.
        var impostor = await GetAsync(_app.Token(Guid.NewGuid(), new Dictionary<string, object?> { ["preferred_username"] = email }));
        var events = await _app.ReadAsync(db => db.AuditEvents.Where(e => e.CaseId == null && e.Action == "PersonLinked" && e.Data!.Contains(person.Id.ToString())).ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((linked.TenantId, linked.ObjectId), Is.EqualTo(((Guid?)EntraWebFactory.Tenant, (Guid?)oid)));
            Assert.That(renamed, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(impostor, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(events, Has.Count.EqualTo(1));
            Assert.That(events.Single().Data, Does.Contain(oid.ToString()).And.Contain("preferred_username"));
        });
    }

    [Test]
    public async Task A_v1_token_links_by_its_upn()
    {
        var email = Unique("controller");
        await _app.AddPersonAsync(email, Role.Officer);
        var oid = Guid.NewGuid();

        var status = await GetAsync(_app.Token(oid, new Dictionary<string, object?> { ["ver"] = "1.0", ["upn"] = email }));

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await ReadPersonAsync(email)).ObjectId, Is.EqualTo(oid));
        });
    }

    [TestCase("email only", "{\"email\":\"EMAIL\"}")]
    [TestCase("v1 token's preferred_username", "{\"ver\":\"1.0\",\"preferred_username\":\"EMAIL\"}")]
    [TestCase("v1 token's unique_name and email", "{\"ver\":\"1.0\",\"unique_name\":\"EMAIL\",\"email\":\"EMAIL\"}")]
    [TestCase("a guest from another identity provider", "{\"preferred_username\":\"EMAIL\",\"idp\":\"live.com\"}")]
    [TestCase("a guest from another tenant", "{\"preferred_username\":\"EMAIL\",\"idp\":\"https://sts.windows.net/33333333-3333-3333-3333-333333333333/\"}")]
    public async Task An_unverified_name_never_links(string what, string claimsJson)
    {
        var email = Unique("ac");
        await _app.AddPersonAsync(email, Role.AuditCommittee);
        var claims = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(claimsJson.Replace("EMAIL", email, StringComparison.Ordinal))!
            .ToDictionary(kv => kv.Key, kv => (object?)kv.Value);

        var status = await GetAsync(_app.Token(Guid.NewGuid(), claims));

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), what);
            Assert.That((await ReadPersonAsync(email)).Linked, Is.False, what);
        });
    }

    [Test]
    public async Task A_token_of_another_tenant_is_refused_even_when_its_issuer_would_be_accepted()
    {
        var email = Unique("gc");
        await _app.AddPersonAsync(email, Role.GeneralCounsel);
        var claims = new Dictionary<string, object?> { ["preferred_username"] = email };

        var foreign = await GetAsync(_app.Token(Guid.NewGuid(), claims, EntraWebFactory.OtherTenant));
        // Our tenant's issuer but another tenant's id: the app checks tid itself.
        var mismatched = await GetAsync(_app.Token(Guid.NewGuid(), new Dictionary<string, object?>(claims) { ["tid"] = EntraWebFactory.OtherTenant.ToString() }));

        Assert.Multiple(async () =>
        {
            Assert.That(foreign, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(mismatched, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await ReadPersonAsync(email)).Linked, Is.False);
        });
    }

    [Test]
    public async Task Directory_claims_inside_a_token_grant_nothing()
    {
        var admin = await _app.AddPersonAsync(Unique("admin"), Role.Administrator, Role.AuditCommittee);
        var officer = await _app.AddPersonAsync(Unique("officer"), Role.Officer);
        var officerOid = Guid.NewGuid();
        await GetAsync(_app.Token(officerOid, new Dictionary<string, object?> { ["preferred_username"] = officer.Email }));
        var forged = new Dictionary<string, object?>
        {
            ["ethics:person"] = admin.Id.ToString(),
            ["ethics:role"] = new[] { "AuditCommittee", "Administrator" },
            ["ethics:name"] = "Forged",
        };

        // A stranger (no directory person) claiming to be the administrator.
        var stranger = await GetAsync(_app.Token(Guid.NewGuid(), forged), "/api/cases");
        // A real officer claiming the Audit Committee's role.
        var escalated = await GetAsync(_app.Token(officerOid, forged), "/api/dashboard");
        var plain = await GetAsync(_app.Token(officerOid), "/api/cases");

        Assert.Multiple(() =>
        {
            Assert.That(stranger, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(escalated, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(plain, Is.EqualTo(HttpStatusCode.OK), "the officer's own token works");
        });
    }

    [Test]
    public async Task The_api_needs_the_Cases_ReadWrite_scope_or_an_app_role()
    {
        var ac = await _app.AddPersonAsync(Unique("ac"), Role.AuditCommittee);
        var oid = Guid.NewGuid();
        await GetAsync(_app.Token(oid, new Dictionary<string, object?> { ["preferred_username"] = ac.Email }));

        var otherScope = await GetAsync(_app.Token(oid, new Dictionary<string, object?> { ["scp"] = "User.Read Cases.Read" }));
        var appRole = await GetAsync(_app.Token(oid, new Dictionary<string, object?> { ["scp"] = null, ["roles"] = new[] { "AuditCommittee" } }));
        var scoped = await GetAsync(_app.Token(oid, new Dictionary<string, object?> { ["scp"] = "User.Read Cases.ReadWrite" }));

        Assert.Multiple(() =>
        {
            Assert.That(otherScope, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(appRole, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(scoped, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task A_deactivation_and_a_role_change_take_effect_on_the_next_request_with_a_token_minted_before()
    {
        var admin = await _app.AddPersonAsync(Unique("admin"), Role.Administrator);
        var leaving = await _app.AddPersonAsync(Unique("ac-leaving"), Role.AuditCommittee);
        var moving = await _app.AddPersonAsync(Unique("ac-moving"), Role.AuditCommittee);
        var leavingToken = _app.Token(Guid.NewGuid(), new Dictionary<string, object?> { ["preferred_username"] = leaving.Email });
        var movingToken = _app.Token(Guid.NewGuid(), new Dictionary<string, object?> { ["preferred_username"] = moving.Email });
        var before = (await GetAsync(leavingToken, "/api/dashboard"), await GetAsync(movingToken, "/api/dashboard"));

        await _app.SendAs(admin.Email, new DeactivatePerson(leaving.Email, "Left the Audit Committee at the annual meeting."));
        await _app.SendAs(admin.Email, new UpdatePerson(moving.Email, Roles: ["Board"]));

        var after = (await GetAsync(leavingToken, "/api/dashboard"), await GetAsync(movingToken, "/api/dashboard"));
        var leavingCases = await GetAsync(leavingToken, "/api/cases");
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
            Assert.That(after, Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
            Assert.That(leavingCases, Is.EqualTo(HttpStatusCode.Forbidden), "a deactivated person opens nothing at all");
        });
    }

    [TestCase("common")]
    [TestCase("organizations")]
    [TestCase("consumers")]
    [TestCase("")]
    [TestCase("contoso.onmicrosoft.com")]
    public void A_tenant_that_is_not_pinned_refuses_to_start(string tenant)
    {
        using var app = new EntraWebFactory(new Dictionary<string, string?> { ["AzureAd:TenantId"] = tenant });
        Assert.That(() => app.CreateClient(), Throws.InvalidOperationException.With.Message.Contains("AzureAd:TenantId"));
    }
}
