using System.Globalization;
using System.Text.RegularExpressions;

namespace EthicsCases.Domain.Filings;

/// <summary>Settings for <see cref="Form4Checker"/>.</summary>
public sealed record Form4CheckOptions
{
    /// <summary>Defaults: 5 MB cap, the embedded SEC calendar, fiscal year end from the Form 5 itself or December 31.</summary>
    public static Form4CheckOptions Default { get; } = new();

    /// <summary>Parser limits and look-ups.</summary>
    public FilingParserOptions Parser { get; init; } = FilingParserOptions.Default;

    /// <summary>SEC business days.</summary>
    public SecBusinessCalendar Calendar { get; init; } = SecBusinessCalendar.Default;

    /// <summary>Issuer's fiscal year end for Form 5 deadlines, when known.</summary>
    public DateOnly? FiscalYearEnd { get; init; }
}

/// <summary>
/// Parses and checks one ownership filing: due date (Rule 16a-3), filed date (Reg S-T 13(a)(4): by 10 pm ET counts
/// that day), lateness in business days, and the per-filing findings. Pure: no clock, no I/O beyond reading the file.
/// </summary>
public static partial class Form4Checker
{
    /// <summary>Parses and checks a file.</summary>
    /// <param name="path">EDGAR XML, EDGAR submission text, or PDF form text.</param>
    /// <param name="filedOverride">Caller-supplied transmission time (Eastern); wins over the submission header.</param>
    /// <param name="options">Limits, calendar, fiscal year end.</param>
    public static Form4CheckResult Check(string path, FilingTime? filedOverride = null, Form4CheckOptions? options = null) =>
        Check(path, filedOverride, options, CancellationToken.None);

    /// <summary>Parses and checks a file; stops with <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static Form4CheckResult Check(string path, FilingTime? filedOverride, Form4CheckOptions? options, CancellationToken cancellationToken)
    {
        options ??= Form4CheckOptions.Default;
        return Check(OwnershipFilingParser.ParseFile(path, options.Parser, cancellationToken), path, filedOverride, options);
    }

    /// <summary>Parses and checks a filing held in memory.</summary>
    public static Form4CheckResult Check(byte[] content, string file, FilingTime? filedOverride = null, Form4CheckOptions? options = null)
    {
        options ??= Form4CheckOptions.Default;
        return Check(OwnershipFilingParser.Parse(content, options.Parser), file, filedOverride, options);
    }

    /// <summary>
    /// Parses and checks one file of a request: takes it from the request's <paramref name="budget"/> first (a file past
    /// the request's caps is refused with <see cref="FilingParseException"/>, like an unreadable one), and stops with
    /// <see cref="OperationCanceledException"/> when the request is cancelled.
    /// </summary>
    public static Form4CheckResult Check(byte[] content, string file, FilingTime? filedOverride, Form4CheckOptions? options, FilingParseBudget budget)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(budget);
        options ??= Form4CheckOptions.Default;
        budget.Take(content.Length);
        return Check(OwnershipFilingParser.Parse(content, options.Parser, budget.CancellationToken), file, filedOverride, options);
    }

    /// <summary>Checks an already parsed filing.</summary>
    public static Form4CheckResult Check(OwnershipFiling filing, string file, FilingTime? filedOverride = null, Form4CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(filing);
        options ??= Form4CheckOptions.Default;
        var calendar = options.Calendar;
        var findings = new List<FilingFinding>();

        var filedAt = filedOverride
            ?? (filing.Filed is { } accepted ? FilingTime.FromInstant(accepted)
                : filing.FiledAsOfDate is { } asOf ? new FilingTime(asOf) : null);
        DateOnly? filed = filedAt?.EffectiveDate(calendar);
        var due = Section16Deadlines.Due(filing, calendar, options.FiscalYearEnd);

        // An amendment's timeliness is the original's: judge by the original submission date when the amendment gives it.
        DateOnly? judgedOn = filing.IsAmendment && filing.DateOfOriginalSubmission is { } original
            ? calendar.OnOrNextBusinessDay(original)
            : filed;

        bool? late = null;
        int? businessDaysLate = null;
        int? lateTransactions = null;
        if (due is { } d && judgedOn is { } f)
        {
            late = f > d;
            businessDaysLate = late.Value ? calendar.BusinessDaysAfter(d, f) : 0;
            if (filing.FormNumber == 4)
            {
                lateTransactions = filing.Transactions.Count(t =>
                    Section16Deadlines.IsDueOnForm4(t) && Section16Deadlines.TransactionDue(t, calendar) < f);
            }

            if (late.Value)
            {
                var basis = judgedOn == filed ? $"filed {Iso(f)}" : $"original filed {Iso(f)}";
                findings.Add(new FilingFinding(
                    FindingCodes.LateFiling,
                    $"Form {filing.DocumentType} {basis}, {businessDaysLate} business day(s) after the due date {Iso(d)} ({DeadlineRule(filing)})."));
            }
        }
        else if (due is { } dueOnly && judgedOn is null)
        {
            findings.Add(new FilingFinding(FindingCodes.FiledDateUnknown, FiledUnknownMessage(filing, dueOnly, calendar)));
        }

        if (filing.FormNumber == 5)
        {
            lateTransactions = filing.Transactions.Count(Section16Deadlines.BelongedOnForm4);
            foreach (var t in filing.Transactions)
            {
                if (t.Code == "G" && t.EffectiveDate >= Section16Deadlines.GiftsOnForm4From)
                {
                    findings.Add(new FilingFinding(
                        FindingCodes.GiftOnForm5,
                        $"Gift (G) of {Amount(t.Shares)} {t.Security} dated {Iso(t.Date)} reported on Form 5: since 2023-02-27 gifts are due on Form 4 by {Iso(Section16Deadlines.TransactionDue(t, calendar))}."));
                }

                if (t.Code == "P")
                {
                    findings.Add(new FilingFinding(
                        FindingCodes.PurchaseOnlyOnForm5,
                        $"Purchase (P) of {Amount(t.Shares)} {t.Security} dated {Iso(t.Date)} reported on Form 5: purchases are due on Form 4 within 2 business days unless exempt; needs review."));
                }
            }
        }

        foreach (var t in filing.Transactions.Where(t => t.Code == "J" && t.FootnoteIds.Count == 0))
        {
            findings.Add(new FilingFinding(
                FindingCodes.CodeJWithoutFootnote,
                $"Code J (other) on {t.Security} dated {Iso(t.Date)} has no footnote describing the transaction (Form 4 General Instruction 8)."));
        }

        var referenceDate = filed ?? filing.SignatureDate ?? filing.PeriodOfReport;
        if (filing.Aff10b5One == true && referenceDate >= Section16Deadlines.Rule10b51DisclosureFrom && !MentionsAdoptionDate(filing))
        {
            findings.Add(new FilingFinding(
                FindingCodes.Rule10b51WithoutAdoptionDate,
                "The Rule 10b5-1(c) box is ticked but no footnote gives the date the trading plan was adopted (required for filings from 2023-04-01)."));
        }

        return new Form4CheckResult
        {
            File = file,
            DocumentType = filing.DocumentType,
            Issuer = new IssuerResult(filing.Issuer.Cik, filing.Issuer.Name, filing.Issuer.Ticker),
            ReportingOwners = filing.ReportingOwners
                .Select(o => new ReportingOwnerResult(o.Cik, o.Name, o.IsDirector, o.IsOfficer, o.IsTenPercentOwner, o.OfficerTitle,
                    o.Address is { } address && address.ToString() is { Length: > 0 } line ? line : null))
                .ToList(),
            Transactions = filing.Transactions
                .Select(t => new TransactionResult(
                    t.Table == TransactionTable.Derivative ? "derivative" : "nonDerivative",
                    t.Security, t.Date, t.Code, t.Shares, t.Price, t.AcquiredDisposed, t.SharesOwnedFollowing, t.Ownership)
                {
                    DeemedExecutionDate = t.DeemedExecutionDate,
                })
                .ToList(),
            SignatureDate = filing.SignatureDate,
            Filed = filed,
            Due = due,
            Late = late,
            BusinessDaysLate = businessDaysLate,
            LateTransactions = lateTransactions,
            FiledAt = filedAt?.ToString(),
            AccessionNumber = filing.AccessionNumber,
            CalendarVersion = calendar.Version,
            Findings = findings,
            Filing = filing,
        };
    }

    private static string FiledUnknownMessage(OwnershipFiling filing, DateOnly due, SecBusinessCalendar calendar)
    {
        const string Unknown = "Filing date unknown (no EDGAR submission header and no --filed): timeliness not decided.";
        if (filing.SignatureDate is not { } signed) return $"{Unknown} Due {Iso(due)}; the form carries no signature date.";
        if (signed <= due)
            return $"{Unknown} Signed {Iso(signed)}, on or before the due date {Iso(due)}: timely if transmitted by 10 pm ET on {Iso(due)}.";
        var after = calendar.BusinessDaysAfter(due, calendar.OnOrNextBusinessDay(signed));
        return $"{Unknown} Signed {Iso(signed)}, {after} business day(s) after the due date {Iso(due)}: late even if transmitted the day it was signed.";
    }

    private static string DeadlineRule(OwnershipFiling filing) => filing.FormNumber switch
    {
        3 => "Rule 16a-3(a): 10 days after becoming an insider",
        5 => "Rule 16a-3(f): 45 days after fiscal year end",
        _ => "Rule 16a-3(g): end of the 2nd business day after the transaction",
    };

    private static bool MentionsAdoptionDate(OwnershipFiling filing) =>
        filing.Footnotes.Values.Append(filing.Remarks ?? string.Empty)
            .Any(text => text.Contains("adopt", StringComparison.OrdinalIgnoreCase) && DateMention().IsMatch(text));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal? shares) => shares?.ToString("#,0.####", CultureInfo.InvariantCulture) ?? "?";

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateMention();
}
