using System.Text;

namespace EthicsCases.Domain.Filings;

/// <summary>
/// The one entry point for ownership filings: looks at the bytes and reads EDGAR XML, a full EDGAR submission
/// text file, or the text of a PDF Form 3/4/5. Bad input raises <see cref="FilingParseException"/> with the reason.
/// </summary>
public static class OwnershipFilingParser
{
    /// <summary>Reads a file, refusing it before reading when it is larger than the configured cap.</summary>
    public static OwnershipFiling ParseFile(string path, FilingParserOptions? options = null) =>
        ParseFile(path, options, CancellationToken.None);

    /// <summary>Reads a file, refusing it before reading when it is larger than the configured cap; stops when cancelled.</summary>
    public static OwnershipFiling ParseFile(string path, FilingParserOptions? options, CancellationToken cancellationToken)
    {
        options ??= FilingParserOptions.Default;
        var info = new FileInfo(path);
        if (!info.Exists) throw new FilingParseException($"File not found: {path}");
        if (info.Length > options.MaxBytes)
            throw new FilingParseException($"Too large: {info.Length} bytes exceeds the {options.MaxBytes}-byte limit per filing.");
        return Parse(File.ReadAllBytes(path), options, cancellationToken);
    }

    /// <summary>Reads a stream up to the size cap.</summary>
    public static OwnershipFiling Parse(Stream content, FilingParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= FilingParserOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBytes)
                throw new FilingParseException($"Too large: more than the {options.MaxBytes}-byte limit per filing.");
        }

        return Parse(buffer.ToArray(), options);
    }

    /// <summary>Reads a filing held in memory.</summary>
    public static OwnershipFiling Parse(byte[] content, FilingParserOptions? options = null) =>
        Parse(content, options, CancellationToken.None);

    /// <summary>
    /// Reads a filing held in memory; stops with <see cref="OperationCanceledException"/> when cancelled. The bytes are
    /// decoded at most once, and the text that told the format is the text that is parsed.
    /// </summary>
    public static OwnershipFiling Parse(byte[] content, FilingParserOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= FilingParserOptions.Default;
        if (content.Length > options.MaxBytes)
            throw new FilingParseException($"Too large: {content.Length} bytes exceeds the {options.MaxBytes}-byte limit per filing.");
        cancellationToken.ThrowIfCancellationRequested();

        return Detect(content, out var text) switch
        {
            FilingSourceFormat.EdgarXml => EdgarOwnershipXmlParser.Parse(content, options, FilingSourceFormat.EdgarXml, cancellationToken),
            FilingSourceFormat.EdgarSubmission => EdgarSubmissionParser.Parse(text ?? Decode(content), options, cancellationToken),
            _ => PdfFormTextParser.Parse(text!, options, cancellationToken),
        };
    }

    /// <summary>Which of the three formats the bytes hold; throws when none.</summary>
    public static FilingSourceFormat DetectFormat(ReadOnlySpan<byte> content) => Detect(content, out _);

    /// <summary>The format, and the decoded text when telling it needed one (so the parser does not decode again).</summary>
    private static FilingSourceFormat Detect(ReadOnlySpan<byte> content, out string? text)
    {
        text = null;
        if (content.IsEmpty) throw new FilingParseException("Empty input: not a filing.");
        if (content.StartsWith("%PDF-"u8))
            throw new FilingParseException("A PDF file: extract its text first (the parser reads the extracted text of a PDF form).");

        var head = content[..Math.Min(content.Length, 4096)];
        if (head.Contains((byte)0))
            throw new FilingParseException("Binary content: not XML, not an EDGAR submission, not form text.");

        var start = SkipBomAndWhitespace(head);
        if (start.StartsWith("<"u8))
        {
            if (start.StartsWith("<SEC-DOCUMENT>"u8) || start.StartsWith("<SEC-HEADER>"u8) || start.StartsWith("<IMS-DOCUMENT>"u8)
                || start.StartsWith("<ACCEPTANCE-DATETIME>"u8) || start.StartsWith("<DOCUMENT>"u8))
                return FilingSourceFormat.EdgarSubmission;
            return FilingSourceFormat.EdgarXml;
        }

        text = Decode(content);
        if (text.Contains("ACCESSION NUMBER:", StringComparison.Ordinal) && text.Contains("<XML>", StringComparison.OrdinalIgnoreCase))
            return FilingSourceFormat.EdgarSubmission;
        if (PdfFormTextParser.LooksLikeForm(text)) return FilingSourceFormat.PdfText;
        throw new FilingParseException("Not a recognised ownership filing: not XML, not an EDGAR submission, not the text of a Form 3, 4 or 5.");
    }

    private static ReadOnlySpan<byte> SkipBomAndWhitespace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        var i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return head[i..];
    }

    private static string Decode(ReadOnlySpan<byte> content) =>
        Encoding.UTF8.GetString(content.StartsWith("\uFEFF"u8) ? content[3..] : content);
}
