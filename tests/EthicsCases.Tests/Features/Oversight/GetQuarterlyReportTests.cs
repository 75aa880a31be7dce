using EthicsCases.Domain;
using EthicsCases.Data;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using EthicsCases.Features.Oversight;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Oversight;

public sealed class GetQuarterlyReportTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task The_report_has_its_sections_the_quarters_determination_and_no_subject_names()
    {
        var s = await OversightScenario.RunAsync(Db);

        var report = await Db.SendAs(Cast.AuditMember, new GetQuarterlyReport("2026Q1"));
        var text = PdfText(report.Pdf);

        Assert.Multiple(() =>
        {
            Assert.That(report.Quarter.ToString(), Is.EqualTo("2026Q1"));
            foreach (var section in new[] { "1. Program metrics", "2. Charts", "3. Open cases by age", "4. Overdue deadlines", "5. Determinations and sanctions", "6. Form 4 monitor findings", "7. Waivers" })
            {
                Assert.That(text, Does.Contain(section));
            }

            Assert.That(text, Does.Contain(s.A.Reference), "the quarter's determination");
            Assert.That(text, Does.Not.Contain(s.B.Reference), "B names the member");
            Assert.That(text, Does.Not.Contain("controller").IgnoreCase, "a subject's name");
            Assert.That(text, Does.Not.Contain("Duplicate expense receipts"), "no summaries");
        });
    }

    [Test]
    public async Task Generating_the_report_records_the_quarter_and_the_pdfs_hash()
    {
        await OversightScenario.RunAsync(Db);

        var report = await Db.SendAs(Cast.Director, new GetQuarterlyReport("2026Q2"));

        var data = await Db.Read(db => db.AuditEvents.Where(e => e.Action == "QuarterlyReportGenerated").Select(e => e.Data).SingleAsync());
        using var json = JsonDocument.Parse(data!);
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("quarter").GetString(), Is.EqualTo("2026Q2"));
            Assert.That(json.RootElement.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(report.Pdf))));
            Assert.That(report.Sha256, Is.EqualTo(json.RootElement.GetProperty("sha256").GetString()));
        });
    }

    [Test]
    public void A_badly_written_quarter_is_rejected_and_the_general_counsel_may_not_ask()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Db.SendAs(Cast.AuditChair, new GetQuarterlyReport("2026-Q5")), Throws.TypeOf<ValidationFailedException>());
            Assert.That(() => Db.SendAs(Cast.GeneralCounsel, new GetQuarterlyReport("2026Q1")), Throws.TypeOf<ForbiddenException>());
        });
    }

    internal static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"quarterly-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
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
