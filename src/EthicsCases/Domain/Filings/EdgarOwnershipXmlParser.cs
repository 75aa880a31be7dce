using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace EthicsCases.Domain.Filings;

/// <summary>
/// Reads an EDGAR <c>ownershipDocument</c> (schemas X0306 to X0609). Unknown elements are ignored; values may be
/// replaced by or followed by <c>footnoteId</c>; booleans are 0/1 or true/false; dates may carry a zone suffix.
/// </summary>
internal static class EdgarOwnershipXmlParser
{
    public static XmlReaderSettings SecureSettings(FilingParserOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = options.MaxCharactersInDocument,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    public static OwnershipFiling Parse(Stream xml, FilingParserOptions options, FilingSourceFormat format)
    {
        using var reader = XmlReader.Create(xml, SecureSettings(options));
        return Parse(reader, format);
    }

    public static OwnershipFiling Parse(TextReader xml, FilingParserOptions options, FilingSourceFormat format)
    {
        using var reader = XmlReader.Create(xml, SecureSettings(options));
        return Parse(reader, format);
    }

    private static OwnershipFiling Parse(XmlReader reader, FilingSourceFormat format)
    {
        XElement root;
        try
        {
            root = XElement.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new FilingParseException("DTD present: document type definitions are prohibited in ownership filings.", ex);
        }
        catch (XmlException ex) when (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw new FilingParseException("Too large: the XML document exceeds the configured character limit.", ex);
        }
        catch (XmlException ex)
        {
            throw new FilingParseException($"Not well-formed XML: {ex.Message}", ex);
        }

        if (root.Name.LocalName != "ownershipDocument")
            throw new FilingParseException($"Not an ownership document: root element is <{root.Name.LocalName}>, expected <ownershipDocument>.");

        var documentType = Text(root, "documentType")
            ?? throw Missing("documentType", "ownershipDocument");
        var issuerElement = Child(root, "issuer") ?? throw Missing("issuer", "ownershipDocument");
        var issuer = new FilingIssuer(
            Text(issuerElement, "issuerCik"),
            Text(issuerElement, "issuerName"),
            Text(issuerElement, "issuerTradingSymbol"));

        var owners = new List<ReportingOwner>();
        foreach (var owner in Children(root, "reportingOwner"))
            owners.Add(ParseOwner(owner));
        if (owners.Count == 0) throw Missing("reportingOwner", "ownershipDocument");

        var transactions = new List<OwnershipTransaction>();
        var holdings = new List<OwnershipHolding>();
        if (Child(root, "nonDerivativeTable") is { } nonDerivative)
        {
            foreach (var row in nonDerivative.Elements())
            {
                if (row.Name.LocalName == "nonDerivativeTransaction")
                    transactions.Add(ParseTransaction(row, TransactionTable.NonDerivative, transactions.Count + 1));
                else if (row.Name.LocalName == "nonDerivativeHolding")
                    holdings.Add(ParseHolding(row, TransactionTable.NonDerivative));
            }
        }

        if (Child(root, "derivativeTable") is { } derivative)
        {
            foreach (var row in derivative.Elements())
            {
                if (row.Name.LocalName == "derivativeTransaction")
                    transactions.Add(ParseTransaction(row, TransactionTable.Derivative, transactions.Count + 1));
                else if (row.Name.LocalName == "derivativeHolding")
                    holdings.Add(ParseHolding(row, TransactionTable.Derivative));
            }
        }

        var footnotes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(root, "footnotes") is { } footnotesElement)
        {
            foreach (var footnote in Children(footnotesElement, "footnote"))
            {
                var id = (string?)footnote.Attribute("id");
                if (!string.IsNullOrWhiteSpace(id)) footnotes[id.Trim()] = footnote.Value.Trim();
            }
        }

        var signature = Child(root, "ownerSignature");
        return new OwnershipFiling
        {
            SourceFormat = format,
            SchemaVersion = Text(root, "schemaVersion"),
            DocumentType = documentType,
            Issuer = issuer,
            ReportingOwners = owners,
            Transactions = transactions,
            Holdings = holdings,
            Footnotes = footnotes,
            Remarks = Text(root, "remarks"),
            SignatureName = signature is null ? null : Text(signature, "signatureName"),
            SignatureDate = signature is null ? null : Date(Text(signature, "signatureDate")),
            Aff10b5One = Bool(Text(root, "aff10b5One")),
            DateOfOriginalSubmission = Date(Text(root, "dateOfOriginalSubmission")),
            PeriodOfReport = Date(Text(root, "periodOfReport")),
            NotSubjectToSection16 = Bool(Text(root, "notSubjectToSection16")),
        };
    }

    private static ReportingOwner ParseOwner(XElement owner)
    {
        var id = Child(owner, "reportingOwnerId") ?? throw Missing("reportingOwnerId", "reportingOwner");
        var name = Text(id, "rptOwnerName") ?? throw Missing("rptOwnerName", "reportingOwnerId");
        var relationship = Child(owner, "reportingOwnerRelationship");
        var address = Child(owner, "reportingOwnerAddress");

        // In EDGAR XML an omitted relationship box means "not ticked".
        bool Flag(string element) => relationship is not null && (Bool(Text(relationship, element)) ?? false);

        return new ReportingOwner
        {
            Cik = Text(id, "rptOwnerCik"),
            Name = name,
            IsDirector = Flag("isDirector"),
            IsOfficer = Flag("isOfficer"),
            IsTenPercentOwner = Flag("isTenPercentOwner"),
            IsOther = Flag("isOther"),
            OfficerTitle = relationship is null ? null : Text(relationship, "officerTitle"),
            OtherText = relationship is null ? null : Text(relationship, "otherText"),
            Address = address is null
                ? null
                : new OwnerAddress(
                    Text(address, "rptOwnerStreet1"),
                    Text(address, "rptOwnerStreet2"),
                    Text(address, "rptOwnerCity"),
                    Text(address, "rptOwnerState"),
                    Text(address, "rptOwnerZipCode")),
        };
    }

    private static OwnershipTransaction ParseTransaction(XElement row, TransactionTable table, int number)
    {
        var where = $"{row.Name.LocalName} #{number}";
        var coding = Child(row, "transactionCoding") ?? throw Missing("transactionCoding", where);
        var amounts = Child(row, "transactionAmounts");
        var post = Child(row, "postTransactionAmounts");
        var nature = Child(row, "ownershipNature");
        var underlying = Child(row, "underlyingSecurity");

        return new OwnershipTransaction
        {
            Table = table,
            Security = Value(row, "securityTitle") ?? throw Missing("securityTitle", where),
            Date = Date(Value(row, "transactionDate")) ?? throw Missing("transactionDate", where),
            DeemedExecutionDate = Date(Value(row, "deemedExecutionDate")),
            Code = Text(coding, "transactionCode") ?? throw Missing("transactionCode", where),
            FormType = Text(coding, "transactionFormType"),
            Timeliness = Value(row, "transactionTimeliness"),
            Voluntary = null,
            Shares = amounts is null ? null : Number(Value(amounts, "transactionShares") ?? Value(amounts, "transactionTotalValue")),
            Price = amounts is null ? null : Number(Value(amounts, "transactionPricePerShare")),
            AcquiredDisposed = amounts is null ? null : Value(amounts, "transactionAcquiredDisposedCode"),
            SharesOwnedFollowing = post is null ? null : Number(Value(post, "sharesOwnedFollowingTransaction") ?? Value(post, "valueOwnedFollowingTransaction")),
            Ownership = nature is null ? null : Value(nature, "directOrIndirectOwnership"),
            NatureOfOwnership = nature is null ? null : Value(nature, "natureOfOwnership"),
            ConversionOrExercisePrice = Number(Value(row, "conversionOrExercisePrice")),
            UnderlyingSecurity = underlying is null ? null : Value(underlying, "underlyingSecurityTitle"),
            UnderlyingShares = underlying is null ? null : Number(Value(underlying, "underlyingSecurityShares")),
            FootnoteIds = FootnoteIds(row),
            CodeFootnoteIds = FootnoteIds(coding),
        };
    }

    private static OwnershipHolding ParseHolding(XElement row, TransactionTable table)
    {
        var post = Child(row, "postTransactionAmounts");
        var nature = Child(row, "ownershipNature");
        return new OwnershipHolding
        {
            Table = table,
            Security = Value(row, "securityTitle") ?? throw Missing("securityTitle", row.Name.LocalName),
            SharesOwnedFollowing = post is null ? null : Number(Value(post, "sharesOwnedFollowingTransaction") ?? Value(post, "valueOwnedFollowingTransaction")),
            Ownership = nature is null ? null : Value(nature, "directOrIndirectOwnership"),
            NatureOfOwnership = nature is null ? null : Value(nature, "natureOfOwnership"),
            FootnoteIds = FootnoteIds(row),
        };
    }

    private static FilingParseException Missing(string element, string where) =>
        new($"Missing required element <{element}> in {where}.");

    private static XElement? Child(XElement parent, string localName)
    {
        foreach (var e in parent.Elements())
            if (e.Name.LocalName == localName) return e;
        return null;
    }

    private static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>Plain element text (no <c>value</c> wrapper), trimmed; empty means absent.</summary>
    private static string? Text(XElement parent, string localName)
    {
        var e = Child(parent, localName);
        if (e is null) return null;
        var text = e.HasElements ? Child(e, "value")?.Value : e.Value;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>Text of a <c>&lt;x&gt;&lt;value&gt;...&lt;/value&gt;&lt;footnoteId/&gt;&lt;/x&gt;</c> element; a footnote alone means no value.</summary>
    private static string? Value(XElement parent, string localName) => Text(parent, localName);

    private static List<string> FootnoteIds(XElement row)
    {
        var ids = new List<string>();
        foreach (var f in row.Descendants())
        {
            if (f.Name.LocalName != "footnoteId") continue;
            var id = ((string?)f.Attribute("id"))?.Trim();
            if (!string.IsNullOrEmpty(id) && !ids.Contains(id)) ids.Add(id);
        }

        return ids;
    }

    internal static bool? Bool(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "1" or "TRUE" or "Y" or "YES" => true,
        "0" or "FALSE" or "N" or "NO" => false,
        _ => null,
    };

    /// <summary>EDGAR dates are xs:date and may end with a zone ("2021-09-30-05:00"); the calendar date is what counts.</summary>
    internal static DateOnly? Date(string? text)
    {
        if (text is null || text.Length < 10) return null;
        return DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FilingParseException($"Invalid date '{text}': expected yyyy-MM-dd.");
    }

    internal static decimal? Number(string? text) =>
        text is not null && decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
}
