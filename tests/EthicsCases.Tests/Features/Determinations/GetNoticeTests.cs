using EthicsCases.Data;
using System.Diagnostics;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Determinations;
using EthicsCases.Features.People;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static EthicsCases.Tests.Features.Determinations.DeterminationScenario;

namespace EthicsCases.Tests.Features.Determinations;

// pdftotext comes from poppler-utils.
public sealed class GetNoticeTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private const string Whitaker = "jordan.whitaker@test.example";

    [Test]
    public async Task The_notice_names_the_person_the_sanctions_with_dates_and_the_factors()
    {
        var filed = await DeterminedAgainstWhitaker();

        var notice = await Db.SendAs(Cast.AuditMember, new GetNotice(filed.Reference));
        var text = Flatten(PdfText(notice.Pdf));

        Assert.Multiple(() =>
        {
            Assert.That(notice.FileName, Does.EndWith(".pdf"));
            Assert.That(text, Does.Contain("Dear Jordan Whitaker"));
            Assert.That(text, Does.Contain("Chief Financial Officer"));
            Assert.That(text, Does.Contain(filed.Reference));
            Assert.That(text, Does.Contain("Censure by the Board"));
            Assert.That(text, Does.Contain("Suspension without pay or benefits, from 1 December 2026 to 14 December 2026"));
            Assert.That(text, Does.Contain("Nature and severity of the violation: 4 of 5"));
            Assert.That(text, Does.Contain("Single or repeated occurrences: repeated (3 occurrences)"));
            Assert.That(text, Does.Contain("Intentional or inadvertent: appears to have been intentional"));
            Assert.That(text, Does.Contain("Advised beforehand of the proper course of action: no"));
            Assert.That(text, Does.Contain("Other violations in the past: none"));
            Assert.That(text, Does.Contain("At its meeting on 19 November 2026"));
            Assert.That(text, Does.Contain("Receipts were duplicated on three expense reports"));
        });
    }

    [Test]
    public async Task Only_the_Audit_Committee_and_the_Board_can_fetch_the_notice_and_each_fetch_is_audited()
    {
        var filed = await DeterminedAgainstWhitaker();
        var before = await Db.AuditCount(filed.CaseId);

        var asBoard = await Db.SendAs(Cast.Director, new GetNotice(filed.Reference));
        var asCommittee = await Db.SendAs(Cast.AuditChair, new GetNotice(filed.Reference));

        Assert.Multiple(async () =>
        {
            Assert.That(asBoard.Pdf, Is.EqualTo(asCommittee.Pdf));
            Assert.That(() => Db.SendAs(Cast.Cfo, new GetNotice(filed.Reference)), Throws.TypeOf<ForbiddenException>(), "the reporter");
            Assert.That(() => Db.SendAs(Whitaker, new GetNotice(filed.Reference)), Throws.TypeOf<ForbiddenException>(), "the individual, an officer");
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new GetNotice(filed.Reference)), Throws.TypeOf<ForbiddenException>());
            Assert.That(() => Db.SendAs(Cast.Admin, new GetNotice(filed.Reference)), Throws.TypeOf<ForbiddenException>());
            var fetches = await Db.Read(db => db.AuditEvents.Where(e => e.CaseId == filed.CaseId && e.Action == "NoticeFetched")
                .OrderBy(e => e.Id).Select(e => e.Actor).ToListAsync());
            Assert.That(fetches, Is.EqualTo(new[] { Cast.Director, Cast.AuditChair }));
            Assert.That(await Db.AuditCount(filed.CaseId), Is.EqualTo(before + 2));
        });
    }

    [Test]
    public async Task An_Audit_Committee_member_named_in_the_case_does_not_find_its_notice()
    {
        var filed = await BeforeTheBoard(Db, Cast.AuditMember);
        await Db.SendAs(Cast.AuditChair, Minor(filed.Reference, Sanction.WrittenNotice));

        Assert.That(() => Db.SendAs(Cast.AuditMember, new GetNotice(filed.Reference)), Throws.TypeOf<NotFoundException>());
    }

    [Test]
    public async Task A_case_without_a_violation_has_no_notice()
    {
        var filed = await BeforeTheBoard(Db, Cast.Controller);
        await Db.SendAs(Cast.AuditChair, new DetermineCase(filed.Reference, false, []));

        Assert.That(() => Db.SendAs(Cast.AuditChair, new GetNotice(filed.Reference)),
            Throws.TypeOf<NotFoundException>().With.Message.Contains("no written notice"));
    }

    private async Task<EthicsCases.Features.Concerns.FiledConcern> DeterminedAgainstWhitaker()
    {
        await Db.SendAs(Cast.Admin, new AddPerson(Whitaker, "Jordan Whitaker", ["Officer"], "Chief Financial Officer"));
        var filed = await BeforeTheBoard(Db, Whitaker);
        // Fraud, severity 4 (8) + 3 occurrences (3) + intentional (5) + not advised (0) + no priors (0) + Fraud (4) = 20.
        var result = await Db.SendAs(Cast.AuditChair, new DetermineCase(filed.Reference, true,
            [new DeterminedSanction(Sanction.Censure), new DeterminedSanction(Sanction.SuspensionWithoutPay, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 14))],
            Severity: 4, Occurrences: 3, Intent: "intentional", Rationale: "Receipts were duplicated on three expense reports.",
            MeetingDate: new DateOnly(2026, 11, 19)));
        Assert.That(result.Recommendation, Is.EqualTo(Sanction.SuspensionWithoutPay));
        return filed;
    }

    private static string Flatten(string layout) =>
        string.Join(' ', layout.Split([' ', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries));

    internal static string PdfText(byte[] pdf)
    {
        Assert.That(pdf.AsSpan(0, 5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()));
        var path = Path.Combine(Path.GetTempPath(), $"notice-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
