using System.Globalization;
using EthicsCases.Domain.Sanctions;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace EthicsCases.Domain.Waivers;

/// <summary>
/// Renders a <see cref="DraftDocument"/> as an A4 PDF in the written notice's fonts (<see cref="NoticeFontResolver"/>),
/// wrapping paragraphs and starting pages as needed. Like the notice it needs a TrueType font on the machine and a
/// PDFsharp license loaded by the host.
/// </summary>
public static class DraftPdf
{
    private const double Margin = 72;

    /// <summary>Renders the draft; <paramref name="footer"/> goes at the foot of every page with its number.</summary>
    /// <exception cref="InvalidOperationException">No font, or no PDFsharp license.</exception>
    public static byte[] Render(DraftDocument draft, string author, string footer)
    {
        ArgumentNullException.ThrowIfNull(draft);
        NoticeFontResolver.EnsureInstalled();
        using var document = NewDocument();
        document.Info.Title = draft.Title;
        document.Info.Author = author;
        document.Info.Subject = "Form 8-K Item 5.05 disclosure draft";

        var body = Font(10.5, bold: false);
        var bold = Font(10.5, bold: true);
        var small = Font(8, bold: false);
        var page = NewPage(document);
        var graphics = XGraphics.FromPdfPage(page);
        var y = Margin;
        var width = page.Width.Point - (2 * Margin);

        void Footer() => graphics.DrawString(string.Create(CultureInfo.InvariantCulture, $"{footer}  |  Page {document.PageCount}"),
            small, XBrushes.Gray, Margin, page.Height.Point - (Margin / 2));

        foreach (var block in draft.Blocks)
        {
            var font = block.Heading ? bold : body;
            var lineHeight = font.Size * 1.4;
            foreach (var line in Wrap(graphics, block.Text, font, width))
            {
                if (y + lineHeight > page.Height.Point - Margin)
                {
                    Footer();
                    graphics.Dispose();
                    page = NewPage(document);
                    graphics = XGraphics.FromPdfPage(page);
                    y = Margin;
                }

                graphics.DrawString(line, font, XBrushes.Black, Margin, y + font.Size);
                y += lineHeight;
            }

            y += block.Heading ? 6 : 10;
        }

        Footer();
        graphics.Dispose();
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
                "Cannot produce the disclosure draft PDF: no valid PDFsharp license is loaded (see docs/adr/ADR-006-pdfsharp-licence.md).", e);
        }
    }

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        return page;
    }

    private static XFont Font(double size, bool bold) =>
        new(NoticeFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private static IEnumerable<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        bool Fits(string s) => graphics.MeasureString(s, font).Width <= width;
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Fits(candidate))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    yield return line;
                }

                // A word wider than the line (a long address) is broken where it must be.
                line = word;
                while (!Fits(line))
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && !Fits(line[..cut]))
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
}
