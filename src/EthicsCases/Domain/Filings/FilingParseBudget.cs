namespace EthicsCases.Domain.Filings;

/// <summary>
/// One request's share of parsing: at most <see cref="MaxFiles"/> files and <see cref="MaxBytes"/> bytes over all of
/// them, and the request's cancellation (the client left), which stops parsing between files and inside one. Make one
/// per request, before its first file; it is not thread-safe.
/// </summary>
public sealed class FilingParseBudget
{
    /// <summary>Starts a request's budget with the caps of <paramref name="options"/>.</summary>
    /// <param name="options">Where <see cref="FilingParserOptions.MaxFilesPerRequest"/> and <see cref="FilingParserOptions.MaxBytesPerRequest"/> come from.</param>
    /// <param name="cancellationToken">The request's token (<c>HttpContext.RequestAborted</c>, the handler's token).</param>
    public FilingParseBudget(FilingParserOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        MaxFiles = options.MaxFilesPerRequest;
        MaxBytes = options.MaxBytesPerRequest;
        CancellationToken = cancellationToken;
    }

    /// <summary>
    /// A budget without caps, only the cancellation: for a caller whose files were capped already (a handler behind
    /// the web's upload checks) or that answers to nobody waiting (the command line).
    /// </summary>
    public FilingParseBudget(CancellationToken cancellationToken)
    {
        MaxFiles = int.MaxValue;
        MaxBytes = long.MaxValue;
        CancellationToken = cancellationToken;
    }

    /// <summary>Most files the request may have parsed.</summary>
    public int MaxFiles { get; }

    /// <summary>Most bytes, over all its files, the request may have parsed.</summary>
    public long MaxBytes { get; }

    /// <summary>Cancelled when the request ends early; parsing stops with <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Files taken so far.</summary>
    public int Files { get; private set; }

    /// <summary>Bytes taken so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>
    /// Takes one file of <paramref name="bytes"/> bytes before it is parsed. Throws <see cref="FilingParseException"/>
    /// for that file when it would pass a cap (nothing is taken, so a smaller file may still fit), and
    /// <see cref="OperationCanceledException"/> when the request was cancelled.
    /// </summary>
    public void Take(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        CancellationToken.ThrowIfCancellationRequested();
        if (Files >= MaxFiles)
            throw new FilingParseException($"Request limit: not read, more than {MaxFiles} files in one request.");
        if (bytes > MaxBytes - Bytes)
            throw new FilingParseException($"Request limit: not read, this file would take the request past {MaxBytes} bytes in total.");
        Files++;
        Bytes += bytes;
    }
}
