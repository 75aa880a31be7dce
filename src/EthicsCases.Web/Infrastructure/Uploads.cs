using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using EthicsCases.Features.Form4;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// The one way the web host turns uploaded files into what the use cases take. It never reads more than the use case
/// accepts; the rules on size, count and emptiness are the use cases'.
/// </summary>
public static class Uploads
{
    /// <summary>The file's bytes, or null when its declared length is over <paramref name="limit"/> (not read then).</summary>
    public static async Task<byte[]?> ReadAsync(IFormFile file, long limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > limit)
        {
            return null;
        }

        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream((int)file.Length);
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>Uploaded filings as <see cref="Form4File"/>s, named without any client path.</summary>
    public static async Task<IReadOnlyList<Form4File>> Form4FilesAsync(IEnumerable<IFormFile>? files, CancellationToken ct)
    {
        var list = new List<Form4File>();
        foreach (var file in files ?? [])
        {
            var name = Path.GetFileName(file.FileName);
            var content = await ReadAsync(file, Form4Files.MaxBytes, ct);
            list.Add(new Form4File(string.IsNullOrWhiteSpace(name) ? "(unnamed)" : name, content ?? [], file.Length));
        }

        return list;
    }

    /// <summary>The API's <c>filed</c> field, Eastern: <c>YYYY-MM-DD</c> or <c>YYYY-MM-DDTHH:MM</c>.</summary>
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
}
