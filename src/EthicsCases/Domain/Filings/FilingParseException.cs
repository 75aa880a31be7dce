namespace EthicsCases.Domain.Filings;

/// <summary>Why an ownership filing could not be read; the message names the reason (not XML, DTD present, too large...).</summary>
public sealed class FilingParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FilingParseException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    public FilingParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and the underlying error.</summary>
    public FilingParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
