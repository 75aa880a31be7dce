using System.Security.Cryptography;
using System.Text;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.People;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Features.People;

/// <summary>
/// The directory changes as people come and go: administrators update and deactivate, every change is on the
/// directory's audit chain, and a deactivated person is no longer in the directory for anything they send.
/// </summary>
public sealed class DirectoryLifecycleTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private Task<AuditEvent> LastDirectoryEvent() =>
        Db.Read(db => db.AuditEvents.AsNoTracking().Where(e => e.CaseId == null).OrderBy(e => e.Id).LastAsync());

    [Test]
    public async Task Roles_given_replace_the_roles_and_the_change_is_audited()
    {
        var updated = await Db.SendAs(Cast.Admin, new UpdatePerson(Cast.AuditMember, Name: "Ana Member", Title: "Director", Roles: ["board", "Officer"]));
        var evt = await LastDirectoryEvent();
        var stored = await Db.Read(db => db.People.AsNoTracking().SingleAsync(p => p.Email == Cast.AuditMember));

        Assert.Multiple(() =>
        {
            Assert.That(updated.Roles, Is.EqualTo(new[] { Role.Officer, Role.Board }));
            Assert.That((stored.Name, stored.Title), Is.EqualTo(("Ana Member", "Director")));
            Assert.That(evt.Action, Is.EqualTo("PersonUpdated"));
            Assert.That(evt.Actor, Is.EqualTo(Cast.Admin));
            Assert.That(evt.Data, Does.Contain("\"previousRoles\":[\"AuditCommittee\"]").And.Contain("\"roles\":[\"Officer\",\"Board\"]"));
        });
    }

    [Test]
    public async Task Fields_left_out_stay_and_an_empty_title_clears_it()
    {
        await Db.SendAs(Cast.Admin, new UpdatePerson(Cast.Cfo, Title: "Chief Financial Officer"));
        var kept = await Db.SendAs(Cast.Admin, new UpdatePerson(Cast.Cfo, Name: "Casey Fox"));
        var cleared = await Db.SendAs(Cast.Admin, new UpdatePerson(Cast.Cfo, Title: ""));

        Assert.Multiple(() =>
        {
            Assert.That((kept.Title, kept.Roles), Is.EqualTo(("Chief Financial Officer", (IReadOnlyList<Role>)[Role.Officer])));
            Assert.That((cleared.Name, cleared.Title), Is.EqualTo(("Casey Fox", (string?)null)));
        });
    }

    [Test]
    public async Task Only_an_Administrator_changes_the_directory()
    {
        var before = await Db.Read(db => db.AuditEvents.CountAsync());
        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(Cast.AuditChair, new UpdatePerson(Cast.AuditChair, Roles: ["Administrator"])), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new DeactivatePerson(Cast.AuditChair, "Dislike.")), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.Cfo, new ListDirectory()), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(null, new ListDirectory()), Throws.TypeOf<ForbiddenException>());
        });
        Assert.That(await Db.Read(db => db.AuditEvents.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task A_deactivated_person_is_no_longer_in_the_directory_and_the_reason_stays_off_the_chain()
    {
        const string reason = "Resigned from the Audit Committee on 28 February; see board minutes.";
        var filed = await Db.SendAs(Cast.Cfo, new EthicsCases.Features.Concerns.FileConcern("Fraud", "Duplicated receipts", null, []));
        Assert.That(await Db.SendAs(Cast.AuditMember, new ShowCase(filed.Reference)), Is.Not.Null, "can see it before");

        var deactivated = await Db.SendAs(Cast.Admin, new DeactivatePerson(Cast.AuditMember, reason));
        var evt = await LastDirectoryEvent();
        var stored = await Db.Read(db => db.People.AsNoTracking().SingleAsync(p => p.Email == Cast.AuditMember));
        var list = await Db.SendAs(Cast.Admin, new ListDirectory());

        Assert.Multiple(() =>
        {
            Assert.That(deactivated.Active, Is.False);
            Assert.That(stored.DeactivatedAt, Is.EqualTo(Db.Clock.GetUtcNow().UtcDateTime));
            Assert.That(stored.DeactivationReason, Is.EqualTo(reason));
            Assert.That(evt.Action, Is.EqualTo("PersonDeactivated"));
            Assert.That(evt.Data, Does.Not.Contain("Resigned"));
            Assert.That(evt.Data, Does.Contain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(reason)))));
            Assert.That(list.Single(p => p.Email == Cast.AuditMember).Active, Is.False);
            Assert.That(list[^1].Email, Is.EqualTo(Cast.AuditMember), "deactivated people come last");
            Assert.That(() => Db.SendAs(Cast.AuditMember, new ShowCase(filed.Reference)),
                Throws.TypeOf<ForbiddenException>().With.Message.Contains("not in the directory"));
            Assert.That(() => Db.SendAs(Cast.Admin, new DeactivatePerson(Cast.AuditMember, "Again.")), Throws.TypeOf<ConflictException>());
        });
    }

    [Test]
    public async Task The_last_active_Administrator_can_be_neither_deactivated_nor_demoted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(Cast.Admin, new DeactivatePerson(Cast.Admin, "Leaving.")),
                Throws.TypeOf<ConflictException>().With.Message.Contains("last active Administrator"));
            Assert.That(() => Db.SendAs(Cast.Admin, new UpdatePerson(Cast.Admin, Roles: ["Officer"])),
                Throws.TypeOf<ConflictException>().With.Message.Contains("last active Administrator"));
        });

        await Db.SendAs(Cast.Admin, new UpdatePerson(Cast.GeneralCounsel, Roles: ["GeneralCounsel", "Administrator"]));
        var handedOver = await Db.SendAs(Cast.GeneralCounsel, new DeactivatePerson(Cast.Admin, "Handed over to the General Counsel."));
        Assert.That(handedOver.Active, Is.False);
    }

    [Test]
    public async Task An_Entra_account_is_linked_to_one_person_only()
    {
        var tenant = Guid.NewGuid().ToString();
        var objectId = Guid.NewGuid().ToString();
        var linked = await Db.SendAs(Cast.Admin, new UpdatePerson(Cast.Cfo, TenantId: tenant, ObjectId: objectId));

        var taken = Assert.ThrowsAsync<ConflictException>(() => Db.SendAs(Cast.Admin, new UpdatePerson(Cast.Controller, TenantId: tenant, ObjectId: objectId)));
        var half = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(Cast.Admin, new UpdatePerson(Cast.Controller, TenantId: tenant)));
        var shared = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(Cast.Admin, new UpdatePerson(Cast.Controller, TenantId: "common", ObjectId: objectId)));

        Assert.Multiple(() =>
        {
            Assert.That((linked.Linked, linked.TenantId, linked.ObjectId), Is.EqualTo((true, (Guid?)Guid.Parse(tenant), (Guid?)Guid.Parse(objectId))));
            Assert.That(taken!.Message, Does.Contain(Cast.Cfo));
            Assert.That(half!.Errors.Keys, Is.EquivalentTo(new[] { "objectId" }));
            Assert.That(shared!.Errors.Keys, Is.EquivalentTo(new[] { "tenantId" }));
        });
    }

    [Test]
    public async Task The_database_refuses_two_people_with_one_Entra_account()
    {
        var tenant = Guid.NewGuid();
        var objectId = Guid.NewGuid();
        await using var scope = Db.Scope(null);
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        var people = await db.People.Where(p => p.Email == Cast.Cfo || p.Email == Cast.Controller).ToListAsync();
        people.ForEach(p => p.LinkTo(tenant, objectId));

        Assert.That(() => db.SaveChangesAsync(), Throws.InstanceOf<DbUpdateException>());
    }

    [Test]
    public async Task First_sign_in_links_an_unlinked_active_person_once()
    {
        var tenant = Guid.NewGuid();
        var account = new EntraAccount(tenant, Guid.NewGuid(), "CFO@test.example", "upn");
        await using var scope = Db.Scope(null);
        var signIn = scope.ServiceProvider.GetRequiredService<DirectorySignIn>();

        var first = await signIn.FindAsync(account, CancellationToken.None);
        var second = await signIn.FindAsync(account with { VerifiedUpn = null }, CancellationToken.None);
        var otherAccount = await signIn.FindAsync(new EntraAccount(tenant, Guid.NewGuid(), Cast.Cfo, "upn"), CancellationToken.None);
        await Db.SendAs(Cast.Admin, new DeactivatePerson(Cast.Controller, "Left the company."));
        var deactivated = await signIn.FindAsync(new EntraAccount(tenant, Guid.NewGuid(), Cast.Controller, "upn"), CancellationToken.None);
        var links = await Db.Read(db => db.AuditEvents.CountAsync(e => e.Action == "PersonLinked"));

        Assert.Multiple(() =>
        {
            Assert.That(first?.Email, Is.EqualTo(Cast.Cfo));
            Assert.That(second?.Id, Is.EqualTo(first!.Id), "found by (tenant, object id) without any name");
            Assert.That(otherAccount, Is.Null, "the person is bound to the first account");
            Assert.That(deactivated, Is.Null);
            Assert.That(links, Is.EqualTo(1));
        });
    }
}
