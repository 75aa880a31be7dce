namespace EthicsCases.Domain;

/// <summary>The six kinds of concern SOP II-031 asks senior financial officers to raise.</summary>
public enum ConcernCategory
{
    /// <summary>Material information that affects disclosures in public filings [1.0 para 1].</summary>
    DisclosureMatter,

    /// <summary>Entries that disguise or misclassify, lack documentation, misstate terms; off-the-books funds [1.0 bullets].</summary>
    BooksAndRecords,

    /// <summary>Significant deficiencies in the design or operation of internal controls [(a)].</summary>
    InternalControlDeficiency,

    /// <summary>Any fraud, material or not, involving management or employees with a significant role in financial reporting [(b)].</summary>
    Fraud,

    /// <summary>Violations of the Code of Ethics II-030 and related policies, including conflicts of interest.</summary>
    CodeOfEthicsViolation,

    /// <summary>Material violation of securities or other laws, rules or regulations.</summary>
    SecuritiesLawViolation,
}

/// <summary>Where the SOP sends each category, and how it reads in plain words.</summary>
public static class CategoryRouting
{
    private static readonly Dictionary<ConcernCategory, Role[]> Routes = new Dictionary<ConcernCategory, Role[]>
    {
        [ConcernCategory.DisclosureMatter] = [Role.AuditCommittee],
        [ConcernCategory.BooksAndRecords] = [Role.GeneralCounsel, Role.AuditCommittee],
        [ConcernCategory.InternalControlDeficiency] = [Role.AuditCommittee],
        [ConcernCategory.Fraud] = [Role.AuditCommittee],
        [ConcernCategory.CodeOfEthicsViolation] = [Role.GeneralCounsel, Role.AuditCommittee],
        [ConcernCategory.SecuritiesLawViolation] = [Role.GeneralCounsel, Role.AuditCommittee],
    };

    private static readonly Dictionary<ConcernCategory, (string Clause, string Plain)> Descriptions =
        new Dictionary<ConcernCategory, (string, string)>
        {
            [ConcernCategory.DisclosureMatter] = ("1.0 para 1",
                "Material information that affects what the company discloses in its public filings with the SEC."),
            [ConcernCategory.BooksAndRecords] = ("1.0 bullets",
                "Book entries that disguise a transaction or liability, misclassify accounts or periods, lack documentation or misstate commercial terms; cash or assets kept off the books."),
            [ConcernCategory.InternalControlDeficiency] = ("1.0 (a)",
                "Significant deficiencies in the design or operation of internal controls that could affect how financial data is recorded, processed, summarised or reported."),
            [ConcernCategory.Fraud] = ("1.0 (b)",
                "Any fraud, material or not, involving management or other employees with a significant role in financial reporting, disclosures or internal controls."),
            [ConcernCategory.CodeOfEthicsViolation] = ("1.0 para 4",
                "A violation of the Code of Ethics (II-030) or related policies, including actual or apparent conflicts of interest between personal and professional relationships."),
            [ConcernCategory.SecuritiesLawViolation] = ("1.0 para 5",
                "Evidence of a material violation of securities or other laws, rules or regulations by the company or its agents."),
        };

    /// <summary>The roles SOP II-031 routes a category to, before any recusal.</summary>
    public static IReadOnlyList<Role> RoutedTo(ConcernCategory category) => Routes[category];

    /// <summary>The SOP clause behind a category.</summary>
    public static string Clause(ConcernCategory category) => Descriptions[category].Clause;

    /// <summary>A plain-language explanation of a category for the person filing.</summary>
    public static string Explain(ConcernCategory category) => Descriptions[category].Plain;
}
