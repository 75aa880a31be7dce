using System.Text;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Features.Form4;
using EthicsCases.Features.People;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EthicsCases.Tests.Features.Form4.SyntheticForm4;

namespace EthicsCases.Tests.Features.Form4;

public sealed class ImportForm4Tests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private const string Graham = "auste.graham@test.example";
    private const string Doe = "jane.doe@test.example";

    private static Form4File GrahamSeed() =>
        new("form4-alto-graham-2024-03-20.txt", System.IO.File.ReadAllBytes(Path.Combine(Repository.Shared, "seeds", "form4-alto-graham-2024-03-20.txt")));

    private static readonly DateOnly January10 = new(2024, 1, 10);
    private static readonly DateOnly May10 = new(2024, 5, 10);

    private async Task<Guid> AddDirectoryPerson(string email, string name, Role role, string? cik = null) =>
        (await Db.SendAs(Cast.Admin, new AddPerson(email, name, [role.ToString()], null, cik))).PersonId;

    // Imports as an Audit Committee member, one of the two roles that may (Form4Files.MonitorRoles).
    private Task<ImportForm4Result> Import(FilingTime? filed, params Form4File[] files) => Db.SendAs(Cast.AuditChair, new ImportForm4(files, filed));

    [Test]
    public async Task Late_Graham_seed_files_one_concern_naming_her_routed_to_the_Audit_Committee_alone()
    {
        var graham = await AddDirectoryPerson(Graham, "Auste M. Graham", Role.GeneralCounsel);
        var chair = await Db.Read(db => db.People.Where(p => p.Email == Cast.AuditChair).Select(p => p.Id).SingleAsync());

        var result = await Import(FilingTime.Parse("2024-03-25"), GrahamSeed());

        var stored = await Db.Read(db => db.Cases.Include(c => c.History).SingleAsync());
        var owner = await Db.Read(db => db.OwnershipFilingOwners.SingleAsync());
        var directoryEvents = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == null).Select(e => e.Action).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(result.Imported, Is.EqualTo(1));
            Assert.That(result.ConcernsFiled, Is.EqualTo(new[] { stored.Id }));
            Assert.That(stored.Category, Is.EqualTo(ConcernCategory.SecuritiesLawViolation));
            Assert.That(stored.Summary, Is.EqualTo("Late Form 4: Auste M. Graham, ALTO, filed 2024-03-25, due 2024-03-22 (1 business day late)"));
            Assert.That(stored.Subjects.Select(s => s.PersonId), Is.EqualTo(new[] { graham }));
            Assert.That(stored.RoutedTo, Is.EqualTo(new[] { Role.AuditCommittee }), "a General Counsel subject sends the case to the Audit Committee alone");
            Assert.That(stored.ReporterId, Is.EqualTo(chair), "the importer reports what the import found");
            Assert.That(stored.History.Single().Action, Is.EqualTo("Filed"));
            Assert.That(stored.History.Single().Actor, Is.EqualTo(Cast.AuditChair));
            Assert.That(stored.Details, Does.Contain("1 business day(s) after the due date 2024-03-22").And.Contain("71,660"));
            Assert.That(owner.PersonId, Is.EqualTo(graham));
            Assert.That(owner.Match, Is.EqualTo(OwnerMatch.ExactName));
            Assert.That(directoryEvents, Does.Contain("Form4Imported"));
        });
    }

    [Test]
    public async Task The_General_Counsel_importing_is_the_reporter_and_nobody_else_may_import()
    {
        await AddDirectoryPerson(Graham, "Auste M. Graham", Role.Officer);
        var gc = await Db.Read(db => db.People.Where(p => p.Email == Cast.GeneralCounsel).Select(p => p.Id).SingleAsync());

        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(null, new ImportForm4([GrahamSeed()], null)), Throws.TypeOf<ForbiddenException>(), "nobody");
            Assert.That(() => Db.SendAs("stranger@test.example", new ImportForm4([GrahamSeed()], null)), Throws.TypeOf<ForbiddenException>(), "outside the directory");
            Assert.That(() => Db.SendAs(Cast.Cfo, new ImportForm4([GrahamSeed()], null)), Throws.TypeOf<ForbiddenException>(), "an officer");
            Assert.That(() => Db.SendAs(Cast.Director, new ListForm4Review()), Throws.TypeOf<ForbiddenException>(), "the Board");
            Assert.That(() => Db.SendAs(Cast.Admin, new GetItem405Report(2024)), Throws.TypeOf<ForbiddenException>(), "an administrator");
        });
        Assert.That(await Db.Read(db => db.OwnershipFilings.CountAsync()), Is.Zero, "nothing refused was stored");

        await Db.SendAs(Cast.GeneralCounsel, new ImportForm4([GrahamSeed()], FilingTime.Parse("2024-03-25")));

        var stored = await Db.Read(db => db.Cases.Include(c => c.History).SingleAsync());
        Assert.Multiple(() =>
        {
            Assert.That(stored.ReporterId, Is.EqualTo(gc));
            Assert.That(stored.History.Single().Actor, Is.EqualTo(Cast.GeneralCounsel));
        });
    }

    [Test]
    public async Task An_importer_named_by_the_finding_leaves_it_to_the_Form_4_monitor_and_cannot_see_it()
    {
        await AddDirectoryPerson(Graham, "Auste M. Graham", Role.GeneralCounsel);

        var result = await Db.SendAs(Graham, new ImportForm4([GrahamSeed()], FilingTime.Parse("2024-03-25")));

        var stored = await Db.Read(db => db.Cases.Include(c => c.History).SingleAsync());
        var hers = await Db.SendAs(Graham, new EthicsCases.Features.Cases.ListCases());
        Assert.Multiple(() =>
        {
            Assert.That(result.ConcernsFiled, Is.EqualTo(new[] { stored.Id }));
            Assert.That(stored.ReporterId, Is.Null);
            Assert.That(stored.History.Single().Actor, Is.EqualTo(ImportForm4Handler.MonitorLabel));
            Assert.That(hers, Is.Empty, "recused from the concern about her own filing");
        });
    }

    [Test]
    public async Task Importing_the_same_filing_again_changes_nothing()
    {
        await AddDirectoryPerson(Graham, "Auste M. Graham", Role.GeneralCounsel);
        await Import(FilingTime.Parse("2024-03-25"), GrahamSeed());
        var auditBefore = await Db.Read(db => db.AuditEvents.CountAsync());

        var again = await Import(FilingTime.Parse("2024-03-25"), GrahamSeed());

        Assert.Multiple(async () =>
        {
            Assert.That(again.Imported, Is.Zero);
            Assert.That(again.ConcernsFiled, Is.Empty);
            Assert.That(again.Skipped, Is.EqualTo(new[] { "form4-alto-graham-2024-03-20.txt" }));
            Assert.That(await Db.Read(db => db.Cases.CountAsync()), Is.EqualTo(1));
            Assert.That(await Db.Read(db => db.OwnershipFilings.CountAsync()), Is.EqualTo(1));
            Assert.That(await Db.Read(db => db.AuditEvents.CountAsync()), Is.EqualTo(auditBefore));
        });
    }

    [Test]
    public async Task The_same_report_in_other_bytes_is_not_stored_twice()
    {
        var original = File("buy.xml", "Doe Jane Q", "0001234567", Purchase(January10, 1000, 10.00m));
        var resent = new Form4File("buy-resent.xml", [.. original.Content, .. Encoding.UTF8.GetBytes("\n<!-- resent -->\n")]);

        await Import(FilingTime.Parse("2024-01-22"), original);
        var again = await Import(FilingTime.Parse("2024-01-22"), resent);

        Assert.Multiple(async () =>
        {
            Assert.That(again.Skipped, Is.EqualTo(new[] { "buy-resent.xml" }));
            Assert.That(again.ConcernsFiled, Is.Empty);
            Assert.That(await Db.Read(db => db.OwnershipFilings.CountAsync()), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Purchase_and_sale_four_months_apart_in_separate_imports_file_one_short_swing_concern_with_the_profit()
    {
        var doe = await AddDirectoryPerson(Doe, "Jane Q. Doe", Role.Officer);

        var first = await Import(null, File("buy.xml", "Doe Jane Q", "0001234567", Purchase(January10, 1000, 10.00m)));
        var second = await Import(null, File("sell.xml", "Doe Jane Q", "0001234567", Sale(May10, 1000, 15.00m)));

        var swing = await Db.Read(db => db.Cases.SingleAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(first.ConcernsFiled, Is.Empty, "a purchase alone is no short swing, and the filed date is unknown");
            Assert.That(second.ConcernsFiled, Is.EqualTo(new[] { swing.Id }));
            Assert.That(swing.Summary, Does.StartWith("Short-swing trading (Section 16(b)): Jane Q. Doe, ALTO").And.Contain("$5,000.00"));
            Assert.That(swing.Details, Does.Contain("estimated recoverable profit $5,000.00"));
            Assert.That(swing.Details, Does.Contain("bought 2024-01-10 at $10.00, sold 2024-05-10 at $15.00, 1,000 shares"));
            Assert.That(swing.Subjects.Select(s => s.PersonId), Is.EqualTo(new[] { doe }));
            Assert.That(await Db.Read(db => db.People.Where(p => p.Id == doe).Select(p => p.Cik).SingleAsync()), Is.EqualTo("0001234567"),
                "an exact name match records the filing's CIK on the person");
            Assert.That(await Db.Read(db => db.ShortSwingPairs.CountAsync()), Is.EqualTo(1));
        });

        // A later filing of the same insider re-runs the analysis over all stored filings: the old pair is not reported again.
        var later = await Import(null, File("grant.xml", "Doe Jane Q", "0001234567", new Trade("A", May10.AddDays(5), 500, 0m, "A")));
        Assert.That(later.ConcernsFiled, Is.Empty);
        Assert.That(await Db.Read(db => db.Cases.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task Exempt_codes_four_months_apart_file_no_concern()
    {
        await AddDirectoryPerson(Doe, "Jane Q. Doe", Role.Officer);

        var result = await Import(null,
            File("grant.xml", "Doe Jane Q", "0001234567", new Trade("A", January10, 1000, 0m, "A")),
            File("withheld.xml", "Doe Jane Q", "0001234567", new Trade("F", May10, 400, 15.00m, "D")));

        Assert.Multiple(async () =>
        {
            Assert.That(result.Imported, Is.EqualTo(2));
            Assert.That(result.ConcernsFiled, Is.Empty);
            Assert.That(await Db.Read(db => db.Cases.CountAsync()), Is.Zero);
            Assert.That(await Db.Read(db => db.ShortSwingPairs.CountAsync()), Is.Zero);
        });
    }

    [Test]
    public async Task Code_J_without_a_footnote_files_one_concern_and_an_unknown_filed_date_files_none()
    {
        var doe = await AddDirectoryPerson(Doe, "Jane Q. Doe", Role.Officer);

        var result = await Import(null, File("j.xml", "Doe Jane Q", "0001234567", new Trade("J", January10, 100, 0m, "D")));

        var stored = await Db.Read(db => db.Cases.SingleAsync());
        var findings = await Db.Read(db => db.Set<FilingFindingRecord>().OrderBy(f => f.Code).Select(f => new { f.Code, f.CaseId }).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(result.ConcernsFiled, Is.EqualTo(new[] { stored.Id }));
            Assert.That(stored.Summary, Is.EqualTo("Code J transaction without explanation, Form 4: Jane Q. Doe, ALTO"));
            Assert.That(stored.Subjects.Select(s => s.PersonId), Is.EqualTo(new[] { doe }));
            Assert.That(findings.Select(f => (f.Code, f.CaseId)),
                Is.EqualTo(new[] { ("CodeJWithoutFootnote", (Guid?)stored.Id), ("FiledDateUnknown", (Guid?)null) }));
        });
    }

    [Test]
    public async Task A_bad_file_in_a_batch_is_reported_and_the_others_are_imported()
    {
        var result = await Import(null,
            GrahamSeed(),
            new Form4File("bad.xml", Encoding.UTF8.GetBytes("<ownershipDocument><documentType>4")),
            File("buy.xml", "Doe Jane Q", "0001234567", Purchase(January10, 1000, 10.00m)));

        Assert.Multiple(async () =>
        {
            Assert.That(result.Imported, Is.EqualTo(2));
            Assert.That(result.Errors.Select(e => e.File), Is.EqualTo(new[] { "bad.xml" }));
            Assert.That(result.Errors.Single().Reason, Does.Contain("Not well-formed XML"));
            Assert.That(await Db.Read(db => db.OwnershipFilings.Select(f => f.SourceFileName).OrderBy(n => n).ToListAsync()),
                Is.EqualTo(new[] { "buy.xml", "form4-alto-graham-2024-03-20.txt" }));
        });
    }

    [Test]
    public async Task An_insider_not_in_the_directory_gets_a_concern_without_subject_and_a_review_entry()
    {
        var result = await Import(FilingTime.Parse("2024-01-22"), File("late.xml", "Roe Richard", "0007654321", Purchase(January10, 100, 9.00m)));

        var stored = await Db.Read(db => db.Cases.SingleAsync());
        var review = await Db.SendAs(Cast.GeneralCounsel, new ListForm4Review());
        Assert.Multiple(() =>
        {
            Assert.That(result.ConcernsFiled, Is.EqualTo(new[] { stored.Id }));
            Assert.That(stored.Subjects, Is.Empty);
            Assert.That(stored.Summary, Does.StartWith("Late Form 4: Roe Richard, ALTO, filed 2024-01-22, due 2024-01-12 (5 business days late)"));
            Assert.That(stored.Details, Does.Contain("Reporting owner (insider): Roe Richard, CIK 0007654321").And.Contain("listed for review"));
            Assert.That(result.NeedsReview.Select(r => (r.Name, r.Match)), Is.EqualTo(new[] { ("Roe Richard", OwnerMatch.NotInDirectory) }));
            Assert.That(review.Select(r => (r.Name, r.Cik, r.Filings)), Is.EqualTo(new[] { ("Roe Richard", (string?)"0007654321", 1) }));
        });
    }

    [Test]
    public async Task A_near_or_ambiguous_name_is_listed_for_review_not_linked()
    {
        await AddDirectoryPerson("jane@test.example", "Jane Doe", Role.Officer);
        await AddDirectoryPerson("john.smith1@test.example", "John Smith", Role.Officer);
        await AddDirectoryPerson("john.smith2@test.example", "John Smith", Role.Board);

        var result = await Import(null,
            File("doe.xml", "Doe Jane Q", null, Purchase(January10, 100, 9.00m)),
            File("smith.xml", "Smith John", null, Purchase(January10, 100, 9.00m)));

        var owners = await Db.Read(db => db.OwnershipFilingOwners.OrderBy(o => o.Name).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(owners.Select(o => o.PersonId), Is.All.Null);
            Assert.That(owners.Select(o => o.Match), Is.All.EqualTo(OwnerMatch.NeedsReview));
            Assert.That(owners[0].ReviewNote, Does.Contain("close to: Jane Doe <jane@test.example>"));
            Assert.That(owners[1].ReviewNote, Does.Contain("several directory people").And.Contain("john.smith2@test.example"));
            Assert.That(result.NeedsReview, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Item_405_counts_late_reports_and_transactions_per_person_for_the_fiscal_year()
    {
        var graham = await AddDirectoryPerson(Graham, "Auste M. Graham", Role.GeneralCounsel);
        await Import(FilingTime.Parse("2024-03-25"), GrahamSeed());
        await Import(FilingTime.Parse("2024-01-22"), File("late.xml", "Roe Richard", "0007654321", Purchase(January10, 100, 9.00m), Sale(January10, 50, 9.50m)));
        await Import(FilingTime.Parse("2024-05-13"), File("timely.xml", "Doe Jane Q", "0001234567", Purchase(May10, 100, 9.00m)));

        var report = await Db.SendAs(Cast.GeneralCounsel, new GetItem405Report(2024));
        var earlier = await Db.SendAs(Cast.AuditMember, new GetItem405Report(2023));

        Assert.Multiple(() =>
        {
            Assert.That((report.FiscalYearStart, report.FiscalYearEnd), Is.EqualTo((new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))));
            Assert.That(report.Filings, Is.EqualTo(3));
            Assert.That(report.People.Select(p => (p.Name, p.LateReports, p.LateTransactions, p.KnownFailuresToFile)),
                Is.EqualTo(new[] { ("Auste M. Graham", 1, 1, 0), ("Roe Richard", 1, 2, 0) }));
            Assert.That(report.People[0].PersonId, Is.EqualTo(graham));
            Assert.That(report.People[1].Cik, Is.EqualTo("0007654321"));
            Assert.That(earlier.People, Is.Empty);
        });
    }
}
