using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Domain;

/// <summary>
/// Recusal is written two ways (<see cref="CaseAccess.VisibleTo"/>): per case, and read once for lists that look at many
/// cases. Both must hide exactly the cases naming the person, for every person, whatever their roles.
/// </summary>
public sealed class RecusalFormsTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private async Task<List<string>> FileAsync()
    {
        var references = new List<string>();
        (string Reporter, string Category, string[] Subjects)[] filings =
        [
            (Cast.Cfo, "BooksAndRecords", []),
            (Cast.Cfo, "BooksAndRecords", [Cast.GeneralCounsel]),
            (Cast.Cfo, "Fraud", [Cast.AuditChair]),
            (Cast.Controller, "BooksAndRecords", [Cast.Cfo, Cast.Director]),
            (Cast.Cfo, "InternalControlDeficiency", [Cast.AuditMember]),
            (Cast.Controller, "Fraud", [Cast.GeneralCounsel, Cast.AuditMember]),
            (Cast.Cfo, "DisclosureMatter", [Cast.Controller]),
        ];
        foreach (var (reporter, category, subjects) in filings)
        {
            references.Add((await Db.SendAs(reporter, new FileConcern(category, $"{category} naming {subjects.Length}", null, subjects))).Reference);
            Db.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // Some move on, so that the General Counsel's and the Board's reach differ from the filing's.
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(references[0], "Accept", null));
        return references;
    }

    [Test]
    public async Task Read_once_and_per_case_hide_the_same_cases_from_every_person()
    {
        await FileAsync();

        var compared = await Db.Read(async db =>
        {
            var rows = new List<(string Email, List<Guid> PerCase, List<Guid> ReadOnce, List<Guid> Naming)>();
            foreach (var person in await db.People.AsNoTracking().ToListAsync())
            {
                var perCase = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(person)).Select(c => c.Id).ToListAsync();
                var readOnce = await db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(person, db.CaseSubjects)).Select(c => c.Id).ToListAsync();
                var naming = await CaseAccess.Naming(person, db.CaseSubjects).ToListAsync();
                rows.Add((person.Email, perCase, readOnce, naming));
            }

            return rows;
        });
        var total = await Db.Read(db => db.Cases.CountAsync());

        Assert.Multiple(() =>
        {
            foreach (var (email, perCase, readOnce, naming) in compared)
            {
                Assert.That(readOnce, Is.EquivalentTo(perCase), $"{email}: the same cases either way");
                Assert.That(readOnce.Intersect(naming), Is.Empty, $"{email}: never a case naming them");
            }

            var chair = compared.Single(c => c.Email == Cast.AuditChair);
            Assert.That(chair.Naming, Has.Count.EqualTo(1));
            Assert.That(chair.ReadOnce, Has.Count.EqualTo(total - 1), "the Audit Committee sees every case but the one naming them");
            var member = compared.Single(c => c.Email == Cast.AuditMember);
            Assert.That(member.ReadOnce, Has.Count.EqualTo(total - 2));
        });
    }

    [Test]
    public async Task A_queue_read_with_recusal_once_neither_lists_nor_counts_a_case_naming_the_viewer()
    {
        var filed = await FileAsync();

        var queue = await Db.SendAs(Cast.AuditMember, new ReviewQueue([CaseState.Intake, CaseState.GeneralCounselReview], Limit: 50));
        var naming = new[] { filed[4], filed[5] };

        Assert.Multiple(() =>
        {
            Assert.That(queue.Items.Select(i => i.Reference), Is.EquivalentTo(filed.Except(naming)), "every other case is queued");
            Assert.That(queue.Counts![nameof(CaseState.Intake)] + queue.Counts[nameof(CaseState.GeneralCounselReview)], Is.EqualTo(filed.Count - naming.Length));
            Assert.That(queue.Counts[nameof(CaseState.GeneralCounselReview)], Is.EqualTo(1));
            Assert.That(CaseAccess.ReadRecusalOnce(naming.Length), Is.True, "the viewer is named in few cases: the queue read recusal once");
            Assert.That(CaseAccess.ReadRecusalOnce(CaseAccess.ReadRecusalOnceLimit), Is.False, "named in many, recusal is checked per case");
        });
    }
}
