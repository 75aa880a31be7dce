using System.Globalization;
using System.Runtime.InteropServices;
using System.Xml;

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

    public static OwnershipFiling Parse(byte[] xml, FilingParserOptions options, FilingSourceFormat format, CancellationToken cancellationToken)
    {
        CheckAttributeCount(xml.AsSpan().Count((byte)'='), options);
        using var stream = new MemoryStream(xml, writable: false);
        using var reader = XmlReader.Create(stream, SecureSettings(options));
        return Parse(reader, options, NodesExpected(xml.AsSpan().Count((byte)'<'), options), format, cancellationToken);
    }

    public static OwnershipFiling Parse(string xml, FilingParserOptions options, FilingSourceFormat format, CancellationToken cancellationToken)
    {
        CheckAttributeCount(xml.AsSpan().Count('='), options);
        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, SecureSettings(options));
        return Parse(reader, options, NodesExpected(xml.AsSpan().Count('<'), options), format, cancellationToken);
    }

    /// <summary>
    /// About one node per '&lt;' (a start tag and an end tag around a text): room for a real filing at once, and no
    /// more than stays out of the large object heap.
    /// </summary>
    private static int NodesExpected(int angleBrackets, FilingParserOptions options) =>
        Math.Min(Math.Min(angleBrackets, options.MaxXmlNodes), 2048) + 1;

    private static void CheckAttributeCount(int equalsSigns, FilingParserOptions options)
    {
        if (equalsSigns > options.MaxXmlAttributes)
            throw new FilingParseException($"Too many XML attributes: more than {options.MaxXmlAttributes} ('=' appears {equalsSigns} times).");
    }

    private static OwnershipFiling Parse(XmlReader reader, FilingParserOptions options, int nodesExpected, FilingSourceFormat format, CancellationToken cancellationToken)
    {
        Element root;
        try
        {
            root = Load(reader, options, nodesExpected, cancellationToken);
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

        if (root.LocalName != "ownershipDocument")
            throw new FilingParseException($"Not an ownership document: root element is <{root.LocalName}>, expected <ownershipDocument>.");

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
                if (row.LocalName == "nonDerivativeTransaction")
                    transactions.Add(ParseTransaction(row, TransactionTable.NonDerivative, transactions.Count + 1));
                else if (row.LocalName == "nonDerivativeHolding")
                    holdings.Add(ParseHolding(row, TransactionTable.NonDerivative));
            }
        }

        if (Child(root, "derivativeTable") is { } derivative)
        {
            foreach (var row in derivative.Elements())
            {
                if (row.LocalName == "derivativeTransaction")
                    transactions.Add(ParseTransaction(row, TransactionTable.Derivative, transactions.Count + 1));
                else if (row.LocalName == "derivativeHolding")
                    holdings.Add(ParseHolding(row, TransactionTable.Derivative));
            }
        }

        var footnotes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(root, "footnotes") is { } footnotesElement)
        {
            foreach (var footnote in Children(footnotesElement, "footnote"))
            {
                var id = footnote.Id;
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

    private static ReportingOwner ParseOwner(Element owner)
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

    private static OwnershipTransaction ParseTransaction(Element row, TransactionTable table, int number)
    {
        var where = $"{row.LocalName} #{number}";
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

    private static OwnershipHolding ParseHolding(Element row, TransactionTable table)
    {
        var post = Child(row, "postTransactionAmounts");
        var nature = Child(row, "ownershipNature");
        return new OwnershipHolding
        {
            Table = table,
            Security = Value(row, "securityTitle") ?? throw Missing("securityTitle", row.LocalName),
            SharesOwnedFollowing = post is null ? null : Number(Value(post, "sharesOwnedFollowingTransaction") ?? Value(post, "valueOwnedFollowingTransaction")),
            Ownership = nature is null ? null : Value(nature, "directOrIndirectOwnership"),
            NatureOfOwnership = nature is null ? null : Value(nature, "natureOfOwnership"),
            FootnoteIds = FootnoteIds(row),
        };
    }

    /// <summary>
    /// Reads the document in one forward pass into a flat <see cref="XmlTree"/>, refusing it as soon as it nests deeper
    /// or holds more nodes than allowed. (XElement.Load walks up to the root for every node it adds, so its time grew
    /// with the square of the depth: 40,000 levels took half a minute.)
    /// </summary>
    private static Element Load(XmlReader reader, FilingParserOptions options, int nodesExpected, CancellationToken cancellationToken)
    {
        var tree = new XmlTree(nodesExpected);
        var open = new Stack<int>();
        long nodes = 0;
        var reads = 0;
        while (reader.Read())
        {
            if (++reads % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= options.MaxXmlDepth)
                        throw new FilingParseException($"Too deeply nested: more than {options.MaxXmlDepth} levels of XML elements.");
                    nodes += 1 + reader.AttributeCount;
                    if (nodes > options.MaxXmlNodes)
                        throw new FilingParseException($"Too many XML nodes: more than {options.MaxXmlNodes} elements, attributes and texts.");
                    var element = tree.AddElement(reader.LocalName, reader.GetAttribute("id"));
                    if (reader.IsEmptyElement) tree.Close(element);
                    else open.Push(element);
                    break;
                case XmlNodeType.EndElement:
                    tree.Close(open.Pop());
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (++nodes > options.MaxXmlNodes)
                        throw new FilingParseException($"Too many XML nodes: more than {options.MaxXmlNodes} elements, attributes and texts.");
                    tree.AddText(reader.Value);
                    break;
            }
        }

        return tree.Root;
    }

    private static FilingParseException Missing(string element, string where) =>
        new($"Missing required element <{element}> in {where}.");

    private static Element? Child(Element parent, string localName) => parent.Child(localName);

    private static IEnumerable<Element> Children(Element parent, string localName) =>
        parent.Elements().Where(e => e.LocalName == localName);

    /// <summary>Plain element text (no <c>value</c> wrapper), trimmed; empty means absent.</summary>
    private static string? Text(Element parent, string localName)
    {
        var e = Child(parent, localName);
        if (e is null) return null;
        var text = e.HasElements ? Child(e, "value")?.Value : e.Value;
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>Text of a <c>&lt;x&gt;&lt;value&gt;...&lt;/value&gt;&lt;footnoteId/&gt;&lt;/x&gt;</c> element; a footnote alone means no value.</summary>
    private static string? Value(Element parent, string localName) => Text(parent, localName);

    private static List<string> FootnoteIds(Element row)
    {
        var ids = new List<string>();
        foreach (var raw in row.DescendantIds("footnoteId"))
        {
            var id = raw?.Trim();
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
    /// <summary>
    /// The document's elements and texts in document order, in one flat list: each subtree is the run of nodes from
    /// its element to its last descendant. Flat, because a chain of 100,000 nested objects also makes the garbage
    /// collector's marking superlinear.
    /// </summary>
    private sealed class XmlTree(int capacity)
    {
        private readonly List<Node> _nodes = new(capacity);

        public Element Root => _nodes.Count > 0 ? new Element(this, 0) : throw new XmlException("Root element is missing.");

        public int AddElement(string localName, string? id)
        {
            _nodes.Add(new Node(localName, id, -1));
            return _nodes.Count - 1;
        }

        public void AddText(string text) => _nodes.Add(new Node(null, text, _nodes.Count));

        /// <summary>Marks the end of an element's subtree: the nodes added since it are its descendants.</summary>
        public void Close(int element) => CollectionsMarshal.AsSpan(_nodes)[element].Last = _nodes.Count - 1;

        public string? Name(int node) => _nodes[node].Name;

        public string? Text(int node) => _nodes[node].Text;

        public int Last(int node) => _nodes[node].Last;

        /// <summary>An element (with its name) or a text (without; <see cref="Text"/> is the text, or an element's id attribute).</summary>
        private record struct Node(string? Name, string? Text, int Last);
    }

    /// <summary>
    /// An element of an <see cref="XmlTree"/>: what the readers above ask of it, as XElement would answer. Made only
    /// for the elements asked for; the walks go over the tree's indexes.
    /// </summary>
    private sealed class Element(XmlTree tree, int index)
    {
        public string LocalName => tree.Name(index)!;

        /// <summary>The <c>id</c> attribute, the only one the schema's readers use.</summary>
        public string? Id => tree.Text(index);

        public bool HasElements
        {
            get
            {
                for (var child = index + 1; child <= tree.Last(index); child = tree.Last(child) + 1)
                    if (tree.Name(child) is not null) return true;
                return false;
            }
        }

        /// <summary>The first child element with this name.</summary>
        public Element? Child(string localName)
        {
            for (var child = index + 1; child <= tree.Last(index); child = tree.Last(child) + 1)
                if (string.Equals(tree.Name(child), localName, StringComparison.Ordinal)) return new Element(tree, child);
            return null;
        }

        public IEnumerable<Element> Elements()
        {
            for (var child = index + 1; child <= tree.Last(index); child = tree.Last(child) + 1)
                if (tree.Name(child) is not null) yield return new Element(tree, child);
        }

        /// <summary>The <c>id</c> attributes of the descendant elements with this name, in document order.</summary>
        public IEnumerable<string?> DescendantIds(string localName)
        {
            for (var node = index + 1; node <= tree.Last(index); node++)
                if (string.Equals(tree.Name(node), localName, StringComparison.Ordinal)) yield return tree.Text(node);
        }

        /// <summary>All the text inside, in document order (XElement.Value).</summary>
        public string Value
        {
            get
            {
                var last = tree.Last(index);
                if (last == index) return string.Empty;
                if (last == index + 1 && tree.Name(last) is null) return tree.Text(last)!;
                var text = new System.Text.StringBuilder();
                for (var node = index + 1; node <= last; node++)
                    if (tree.Name(node) is null) text.Append(tree.Text(node));
                return text.ToString();
            }
        }
    }
}
