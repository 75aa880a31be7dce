using System.Diagnostics;
using EthicsCases.Domain;
using EthicsCases.Domain.Sanctions;
using PdfSharp;

namespace EthicsCases.Tests.Domain.Sanctions;

// Needs a TrueType font (Debian: fonts-dejavu-core) and pdftotext (Debian: poppler-utils) on the machine.
// PDFsharp 6.5 refuses to run without a loaded license; the tests load the AGPL one. Production hosts must choose
// theirs at start-up (see WrittenNoticeGenerator).
[NonParallelizable]
public class WrittenNoticeGeneratorTests
{
    [SetUp]
    public void LoadPdfSharpLicense() => PdfSharpLicense.SetAgplLicense();

    private static readonly NoticeContent Violation = new(
        Date: new DateOnly(2026, 11, 23),
        AddresseeName: "Jordan Whitaker",
        AddresseeTitle: "Chief Financial Officer",
        CaseReference: "EC-2026-0042",
        ViolationFound: true,
        Sanctions:
        [
            new NoticeSanction(Sanction.SuspensionWithoutPay, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 14)),
            new NoticeSanction(Sanction.Censure),
        ],
        Factors: new SanctionFactors(4, 3, Intent.Intentional, Advised: true, PriorViolations: 1, ConcernCategory.BooksAndRecords),
        Rationale: "Payments to a vendor were recorded off the books on three occasions after the General Counsel had advised on the proper treatment.",
        BoardMeetingDate: new DateOnly(2026, 11, 19),
        SignatoryName: "Dana Okafor");

    [Test]
    public void Notice_names_the_person_the_determination_the_sanctions_with_dates_and_every_factor()
    {
        var text = ExtractText(WrittenNoticeGenerator.Generate(Violation));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Alto Ingredients, Inc."));
            Assert.That(text, Does.Contain("23 November 2026"));
            Assert.That(text, Does.Contain("Jordan Whitaker"));
            Assert.That(text, Does.Contain("Chief Financial Officer"));
            Assert.That(text, Does.Contain("EC-2026-0042"));
            Assert.That(text, Does.Contain("determined that there has been a violation of the Code of Ethics and of SOP II-031"));
            Assert.That(text, Does.Contain("Suspension without pay or benefits, from 1 December 2026 to 14 December 2026"));
            Assert.That(text, Does.Contain("Censure by the Board"));
            Assert.That(text, Does.Contain("Nature and severity of the violation: 4 of 5"));
            Assert.That(text, Does.Contain("Single or repeated occurrences: repeated (3 occurrences)"));
            Assert.That(text, Does.Contain("Intentional or inadvertent: appears to have been intentional"));
            Assert.That(text, Does.Contain("Advised beforehand of the proper course of action: yes"));
            Assert.That(text, Does.Contain("Other violations in the past: one"));
            Assert.That(text, Does.Contain("Books and records"));
            Assert.That(text, Does.Contain("recorded off the books on three occasions"));
            Assert.That(text, Does.Contain("19 November 2026"));
            Assert.That(text, Does.Contain("on behalf of the Audit Committee"));
            Assert.That(text, Does.Contain("Dana Okafor"));
        });
    }

    [Test]
    public void Notice_of_no_violation_says_so_and_lists_no_sanctions()
    {
        var content = Violation with { ViolationFound = false, Sanctions = [], Factors = null, Rationale = "The entries were documented." };

        var text = ExtractText(WrittenNoticeGenerator.Generate(content));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("has been no violation of the Code of Ethics or of SOP II-031"));
            Assert.That(text, Does.Not.Contain("Suspension"));
            Assert.That(text, Does.Not.Contain("Factors considered"));
        });
    }

    [Test]
    public void Long_rationale_wraps_within_the_page_and_flows_onto_further_pages()
    {
        var words = Enumerable.Range(1, 900).Select(i => $"word{i}");
        var content = Violation with { Rationale = string.Join(' ', words) + " " + new string('X', 150) };

        var layout = ExtractText(WrittenNoticeGenerator.Generate(content));
        var plain = Flatten(layout);

        Assert.Multiple(() =>
        {
            Assert.That(layout.Count(ch => ch == '\f'), Is.GreaterThanOrEqualTo(2), "more than one page");
            Assert.That(plain, Does.Contain("word1 word2").And.Contain("word899 word900"));
            Assert.That(plain.Count(ch => ch == 'X'), Is.EqualTo(150), "an over-long word is broken, not dropped");
            Assert.That(layout.Split('\n').Max(l => l.Length), Is.LessThan(130), "no line runs off the page");
        });
    }

    [Test]
    public void Notice_of_a_violation_without_sanctions_or_factors_is_rejected()
    {
        var e = Assert.Throws<ValidationFailedException>(() =>
            WrittenNoticeGenerator.Generate(Violation with { Sanctions = [], Factors = null }));

        Assert.That(e!.Errors.Keys, Is.EquivalentTo(new[] { "sanctions", "factors" }));
    }

    [Test]
    public void Suspension_ending_before_it_starts_is_rejected()
    {
        var backwards = new NoticeSanction(Sanction.SuspensionWithPay, new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 1));

        var e = Assert.Throws<ValidationFailedException>(() =>
            WrittenNoticeGenerator.Generate(Violation with { Sanctions = [backwards] }));

        Assert.That(e!.Errors["sanctions"][0], Does.Contain("ends before it starts"));
    }

    private static string Flatten(string layout) =>
        string.Join(' ', layout.Split([' ', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static string ExtractText(byte[] pdf)
    {
        Assert.That(pdf.AsSpan(0, 5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()));
        var path = Path.Combine(Path.GetTempPath(), $"notice-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Assert.Fail("pdftotext is not installed: apt-get install -y poppler-utils");
                throw;
            }

            using (process)
            {
                var text = process.StandardOutput.ReadToEnd();
                var errors = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.That(process.ExitCode, Is.Zero, errors);
                return text;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
