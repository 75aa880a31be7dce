using System.Diagnostics;

namespace EthicsCases.Tests.Domain.Waivers;

/// <summary>Reads a PDF back with poppler's pdftotext (Debian: poppler-utils), flattened to single spaces.</summary>
internal static class PdfText
{
    public static string Of(byte[] pdf)
    {
        Assert.That(pdf.AsSpan(0, 5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()), "not a PDF");
        var path = Path.Combine(Path.GetTempPath(), $"waiver-draft-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            Process process;
            try
            {
                process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                })!;
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
                return Flatten(text);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Collapses runs of whitespace, so wrapped lines compare as one sentence.</summary>
    public static string Flatten(string text) =>
        string.Join(' ', text.Split([' ', '\n', '\f', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
