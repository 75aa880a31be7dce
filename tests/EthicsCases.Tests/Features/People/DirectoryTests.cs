using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.People;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.People;

public sealed class DirectoryTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task A_person_is_added_with_a_normalised_e_mail_and_the_addition_is_audited_on_the_directory_chain()
    {
        var added = await Db.SendAs(Cast.Admin, new AddPerson("  CAO@Test.Example ", "Ana Cruz", ["officer"], "Chief Accounting Officer", "1234567"));

        var person = await Db.Read(db => db.People.SingleAsync(p => p.Id == added.PersonId));
        var evt = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == null).OrderBy(e => e.Id).LastAsync());
        Assert.Multiple(() =>
        {
            Assert.That(person.Email, Is.EqualTo("cao@test.example"));
            Assert.That(person.Roles, Is.EqualTo(new[] { Role.Officer }));
            Assert.That(person.Cik, Is.EqualTo("1234567"));
            Assert.That(evt.Action, Is.EqualTo("PersonAdded"));
            Assert.That(evt.Data, Does.Contain("cao@test.example"));
        });
    }

    [Test]
    public void The_same_e_mail_twice_is_a_conflict()
    {
        Assert.That(() => Db.SendAs(Cast.Admin, new AddPerson("CFO@test.example", "Another", ["Officer"])),
            Throws.TypeOf<ConflictException>().With.Message.Contains("already in the directory"));
    }

    [Test]
    public async Task Bad_fields_are_refused_by_name_and_nothing_is_stored()
    {
        var before = await Db.Read(db => db.People.CountAsync());
        var error = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(Cast.Admin, new AddPerson("not-an-email", "", ["Janitor"], null, "12ab")));
        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "email", "name", "roles[0]", "cik" }));
        Assert.That(await Db.Read(db => db.People.CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task The_directory_lists_everyone_by_name_with_their_roles()
    {
        var people = await Db.SendAs(Cast.Cfo, new ListPeople());
        Assert.Multiple(() =>
        {
            Assert.That(people.Select(p => p.Name), Is.Ordered);
            Assert.That(people.Single(p => p.Email == Cast.AuditChair).Roles, Is.EqualTo(new[] { Role.AuditCommittee, Role.Board }));
        });
    }
}
