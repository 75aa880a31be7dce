using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Features.Form4;

namespace EthicsCases.Web.Infrastructure;

/// <summary>One uploaded file after the pure check: its result, or why it could not be read.</summary>
/// <param name="File">The file name as uploaded (no path).</param>
/// <param name="Result">What the checker found, when the file could be read.</param>
/// <param name="Error">Why the file could not be read, otherwise.</param>
public sealed record Form4Checked(string File, Form4CheckResult? Result, string? Error);

/// <summary>
/// What the page and the API do with uploaded Form 4 files before Sending <see cref="ImportForm4"/>, mirroring
/// <c>ethics form4 check|import</c>: the per-file size cap is checked on the declared length before reading, a file
/// over it or empty is reported with its reason and the others carry on.
/// </summary>
public static class Form4Uploads
{
    /// <summary>Files per upload; the request body limit (<see cref="WebSetup.MaxRequestBytes"/>) applies to their total.</summary>
    public const int MaxFiles = 50;

    /// <summary>Largest single filing, as the parser allows it.</summary>
    public static long MaxBytes => FilingParserOptions.Default.MaxBytes;

    /// <summary>Reads the files within the caps; a refused file goes to the second list with its reason.</summary>
    public static async Task<(List<Form4File> Readable, List<Form4ImportError> Unreadable)> ReadAsync(IEnumerable<IFormFile>? files, CancellationToken ct)
    {
        var list = files?.ToList() ?? [];
        if (list.Count == 0)
        {
            throw ValidationFailedException.For("files", "Choose at least one filing (EDGAR XML, full submission .txt, or PDF-extracted text).");
        }

        if (list.Count > MaxFiles)
        {
            throw ValidationFailedException.For("files", $"At most {MaxFiles} files at a time.");
        }

        var readable = new List<Form4File>();
        var unreadable = new List<Form4ImportError>();
        foreach (var file in list)
        {
            var name = Path.GetFileName(file.FileName);
            name = string.IsNullOrWhiteSpace(name) ? "(unnamed)" : name;
            if (file.Length == 0)
            {
                unreadable.Add(new Form4ImportError(name, "Empty file."));
            }
            else if (file.Length > MaxBytes)
            {
                unreadable.Add(new Form4ImportError(name, $"Too large: {file.Length} bytes exceeds the {MaxBytes}-byte limit per filing."));
            }
            else
            {
                await using var stream = file.OpenReadStream();
                using var buffer = new MemoryStream((int)file.Length);
                await stream.CopyToAsync(buffer, ct);
                readable.Add(new Form4File(name, buffer.ToArray()));
            }
        }

        return (readable, unreadable);
    }

    /// <summary>Parses the API's <c>filed</c> field (as <c>--filed</c>: Eastern, <c>YYYY-MM-DD</c> or <c>YYYY-MM-DDTHH:MM</c>).</summary>
    public static FilingTime? ParseFiled(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return FilingTime.Parse(text.Trim());
        }
        catch (FormatException e)
        {
            throw ValidationFailedException.For("filed", e.Message);
        }
    }

    /// <summary>Runs the pure checker (as <c>ethics form4 check</c>): nothing is stored, no database is opened.</summary>
    public static List<Form4Checked> Check(IEnumerable<Form4File> files, FilingTime? filed)
    {
        var options = KnownIssuers.Default.CheckOptions;
        return files.Select(f =>
        {
            try
            {
                return new Form4Checked(f.Name, Form4Checker.Check(f.Content, f.Name, filed, options), null);
            }
            catch (FilingParseException e)
            {
                return new Form4Checked(f.Name, null, e.Message);
            }
        }).ToList();
    }
}
