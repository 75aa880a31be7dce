using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace EthicsCases.Domain.Sanctions;

/// <summary>
/// Produces the written notice to the individual as a PDF letter: the Board's determination, the actions with
/// their dates, the factors considered in words, the rationale, and the Audit Committee's signature.
/// Needs a TrueType font on the machine (see <see cref="NoticeFontResolver"/>) and a PDFsharp license loaded by
/// the host at start-up: PDFsharp 6.5 is AGPL-3.0 or commercial, and refuses to run until one of
/// <c>PdfSharpLicense.SetAgplLicense()</c> or <c>PdfSharpLicense.LoadLicense(key)</c> has been called. Which one is a
/// licensing decision for the company, so this library does not make it.
/// </summary>
public static class WrittenNoticeGenerator
{
    /// <summary>Renders the notice.</summary>
    /// <exception cref="ValidationFailedException">The content is incomplete or contradicts itself.</exception>
    /// <exception cref="InvalidOperationException">No font is available to render it, or no PDFsharp license is loaded.</exception>
    public static byte[] Generate(NoticeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Validate(content);
        NoticeFontResolver.EnsureInstalled();

        using var document = NewDocument();
        document.Info.Title = $"Written notice, case {content.CaseReference}";
        document.Info.Author = $"{content.Company} Audit Committee";
        document.Info.Subject = "SOP II-031 Code of Ethics for CEO/CFO: determination of the Board of Directors";

        var letter = new Letter(document, $"{content.Company}  |  Confidential  |  Case {content.CaseReference}");
        Write(letter, content);
        letter.Finish();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static PdfDocument NewDocument()
    {
        try
        {
            return new PdfDocument();
        }
        catch (PdfSharp.License.PdfSharpLicenseException e)
        {
            throw new InvalidOperationException(
                "Cannot produce the written notice PDF: no valid PDFsharp license is loaded. PDFsharp 6.5 requires the host " +
                "to call PdfSharpLicense.SetAgplLicense() (AGPL-3.0 terms) or PdfSharpLicense.LoadLicense(key) (commercial) " +
                "at start-up; see https://docs.pdfsharp.net/link/license-loading.html", e);
        }
    }

    /// <summary>The factors as the letter words them: one (label, value) line each, in the SOP's order.</summary>
    public static IReadOnlyList<(string Label, string Value)> FactorsInWords(SanctionFactors factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var lines = new List<(string, string)>
        {
            ("Nature and severity of the violation",
                string.Create(CultureInfo.InvariantCulture, $"{factors.Severity} of {SanctionFactors.MaxSeverity} ({SanctionCalculator.SeverityWord(factors.Severity)})")),
            ("Single or repeated occurrences", factors.Occurrences == 1
                ? "a single occurrence"
                : string.Create(CultureInfo.InvariantCulture, $"repeated ({factors.Occurrences} occurrences)")),
            ("Intentional or inadvertent", $"appears to have been {IntentScale.Name(factors.Intent)}"),
            ("Advised beforehand of the proper course of action", factors.Advised ? "yes" : "no"),
            ("Other violations in the past", factors.PriorViolations switch
            {
                0 => "none",
                1 => "one",
                var n => n.ToString(CultureInfo.InvariantCulture),
            }),
        };
        if (factors.Category is { } category)
        {
            lines.Add(("Nature of the matter", $"{Capitalise(SanctionCalculator.CategoryWords(category))}: {CategoryRouting.Explain(category).TrimEnd('.')}"));
        }

        return lines;
    }

    private static void Write(Letter letter, NoticeContent c)
    {
        letter.Text(c.Company, letter.Heading);
        letter.Text("Audit Committee of the Board of Directors", letter.Body, spaceAfter: 18);
        letter.Text(LongDate(c.Date), letter.Body, spaceAfter: 12);
        letter.Text("PRIVATE AND CONFIDENTIAL", letter.Bold, spaceAfter: 6);
        letter.Text(c.AddresseeName, letter.Body, spaceAfter: 0);
        letter.Text(c.AddresseeTitle, letter.Body, spaceAfter: 0);
        letter.Text(c.Company, letter.Body, spaceAfter: 14);
        letter.Text($"Re: Determination under SOP II-031, Code of Ethics for CEO/CFO. Case reference {c.CaseReference}", letter.Bold, spaceAfter: 12);
        letter.Text($"Dear {c.AddresseeName},");

        if (c.ViolationFound)
        {
            letter.Text(
                $"At its meeting on {LongDate(c.BoardMeetingDate)}, the Board of Directors of {c.Company} determined that there " +
                $"has been a violation of the Code of Ethics and of SOP II-031, Code of Ethics for CEO/CFO, by you in the matter " +
                $"referenced above. This letter is the written notice to you of that determination, as SOP II-031 provides.");

            letter.Text("Actions determined by the Board", letter.Bold, spaceAfter: 4);
            if (c.NoAction)
            {
                letter.Bullet("The Board determined to take no action.");
            }

            foreach (var sanction in c.Sanctions)
            {
                letter.Bullet(SanctionLine(sanction));
            }

            letter.Space(8);
            letter.Text("Factors considered", letter.Bold, spaceAfter: 4);
            letter.Text(
                "As SOP II-031 requires, the Board took into account all relevant information, including the following:",
                spaceAfter: 4);
            foreach (var (label, value) in FactorsInWords(c.Factors!))
            {
                letter.Bullet($"{label}: {value}.");
            }

            letter.Space(8);
        }
        else
        {
            letter.Text(
                $"At its meeting on {LongDate(c.BoardMeetingDate)}, the Board of Directors of {c.Company} determined that there " +
                "has been no violation of the Code of Ethics or of SOP II-031, Code of Ethics for CEO/CFO, by you in the matter " +
                "referenced above. No action will be taken against you in this matter.");
        }

        if (c.DecidedByStatement is { } decidedBy)
        {
            // SOP II-031 lets the Board designate persons to determine; the individual is told on whose authority.
            letter.Text(decidedBy);
        }

        letter.Text("Rationale", letter.Bold, spaceAfter: 4);
        letter.Text(c.Rationale.Trim());

        if (c.ViolationFound)
        {
            letter.Text(
                "These actions are designed to deter wrongdoing and to promote accountability for adherence to the Code of " +
                "Ethics and to SOP II-031. Please direct any questions about this notice to the General Counsel or to the " +
                "Chair of the Audit Committee.");
        }

        letter.Text("Signed for and on behalf of the Audit Committee of the Board of Directors,", spaceAfter: 36);
        letter.Text("______________________________", letter.Body, spaceAfter: 2);
        letter.Text(c.SignatoryName, letter.Body, spaceAfter: 0);
        letter.Text(c.SignatoryTitle, letter.Body, spaceAfter: 0);
        letter.Text(c.Company, letter.Body, spaceAfter: 0);
    }

    private static string SanctionLine(NoticeSanction s)
    {
        var line = Capitalise(SanctionWording.Describe(s.Sanction));
        line += (s.From, s.To) switch
        {
            ({ } from, { } to) => $", from {LongDate(from)} to {LongDate(to)} inclusive",
            ({ } from, null) => $", with effect from {LongDate(from)}",
            (null, { } to) => $", until {LongDate(to)}",
            _ => string.Empty,
        };
        if (!string.IsNullOrWhiteSpace(s.Details))
        {
            line += $" ({s.Details.Trim()})";
        }

        return line + ".";
    }

    private static void Validate(NoticeContent c)
    {
        var errors = new Dictionary<string, string[]>();
        void Require(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [$"{field} is required for the written notice."];
            }
        }

        Require("addresseeName", c.AddresseeName);
        Require("addresseeTitle", c.AddresseeTitle);
        Require("caseReference", c.CaseReference);
        Require("rationale", c.Rationale);
        Require("signatoryName", c.SignatoryName);
        Require("company", c.Company);
        if (c.ViolationFound && !c.NoAction && (c.Sanctions is null || c.Sanctions.Count == 0))
        {
            errors["sanctions"] = ["a notice of a violation names at least one action determined by the Board."];
        }
        else if (!c.ViolationFound && c.Sanctions is { Count: > 0 })
        {
            errors["sanctions"] = ["there are no sanctions when the Board found no violation."];
        }
        else if (c.Sanctions?.FirstOrDefault(s => s.From > s.To) is { } backwards)
        {
            errors["sanctions"] = [$"{SanctionWording.Title(backwards.Sanction)} ends before it starts."];
        }

        if (c.ViolationFound && c.Factors is null)
        {
            errors["factors"] = ["a notice of a violation states the factors the Board took into account."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        c.Factors?.Validate();
    }

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    /// <summary>Flows wrapped paragraphs down A4 pages with one-inch margins, starting new pages as needed.</summary>
    private sealed class Letter
    {
        // Instance fonts, not static: they must be created after the font resolver is installed.
        private readonly XFont _footerFont = Font(8, bold: false);

        private const double Margin = 72;
        private const double BulletIndent = 16;

        public XFont Heading { get; } = Font(16, bold: true);

        public XFont Body { get; } = Font(10.5, bold: false);

        public XFont Bold { get; } = Font(10.5, bold: true);

        private readonly PdfDocument _document;
        private readonly string _footer;
        private PdfPage _page = null!;
        private XGraphics _graphics = null!;
        private double _y;

        public Letter(PdfDocument document, string footer)
        {
            _document = document;
            _footer = footer;
            NewPage();
        }

        private double Bottom => _page.Height.Point - Margin;

        private double Width => _page.Width.Point - (2 * Margin);

        public void Text(string text, XFont? font = null, double spaceAfter = 10) =>
            Paragraph(text, font ?? Body, Margin, Width, spaceAfter, prefix: null);

        public void Bullet(string text) =>
            Paragraph(text, Body, Margin + BulletIndent, Width - BulletIndent, 3, prefix: "\u2022");

        public void Space(double points) => _y += points;

        public void Finish()
        {
            DrawFooter();
            _graphics.Dispose();
        }

        private void Paragraph(string text, XFont font, double left, double width, double spaceAfter, string? prefix)
        {
            var lineHeight = font.Size * 1.4;
            var first = true;
            foreach (var line in Wrap(text, font, width))
            {
                if (_y + lineHeight > Bottom)
                {
                    DrawFooter();
                    _graphics.Dispose();
                    NewPage();
                }

                if (first && prefix is not null)
                {
                    _graphics.DrawString(prefix, font, XBrushes.Black, left - BulletIndent + 4, _y + font.Size);
                }

                _graphics.DrawString(line, font, XBrushes.Black, left, _y + font.Size);
                _y += lineHeight;
                first = false;
            }

            _y += spaceAfter;
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var line = string.Empty;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (Fits(candidate, font, width))
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        yield return line;
                    }

                    // A word wider than the line (a long reference or URL) is broken where it must be.
                    line = word;
                    while (!Fits(line, font, width))
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && !Fits(line[..cut], font, width))
                        {
                            cut--;
                        }

                        yield return line[..cut];
                        line = line[cut..];
                    }
                }

                yield return line;
            }
        }

        private bool Fits(string text, XFont font, double width) => _graphics.MeasureString(text, font).Width <= width;

        private void NewPage()
        {
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private void DrawFooter()
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{_footer}  |  Page {_document.PageCount}");
            _graphics.DrawString(text, _footerFont, XBrushes.Gray, Margin, _page.Height.Point - (Margin / 2));
        }

        private static XFont Font(double size, bool bold) =>
            new(NoticeFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode));
    }
}
