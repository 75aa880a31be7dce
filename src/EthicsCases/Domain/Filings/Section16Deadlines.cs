namespace EthicsCases.Domain.Filings;

/// <summary>
/// Section 16(a) deadlines (Exchange Act Rule 16a-3): Form 4 before the end of the 2nd business day after the
/// transaction (the deemed execution date where given); Form 3 within 10 days of the event; Form 5 within 45 days
/// after the issuer's fiscal year end. A deadline counted in calendar days that lands on a closed day moves to the
/// next business day (Rule 0-3).
/// </summary>
public static class Section16Deadlines
{
    /// <summary>From this date gifts (G) are due on Form 4 within 2 business days (Release 33-11138).</summary>
    public static readonly DateOnly GiftsOnForm4From = new(2023, 2, 27);

    /// <summary>From this date a ticked 10b5-1 box needs the plan adoption date (Release 33-11138 compliance date).</summary>
    public static readonly DateOnly Rule10b51DisclosureFrom = new(2023, 4, 1);

    /// <summary>The due date of one transaction on Form 4.</summary>
    public static DateOnly TransactionDue(OwnershipTransaction transaction, SecBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddBusinessDays(transaction.EffectiveDate, 2);
    }

    /// <summary>
    /// False for rows a Form 4 carries voluntarily: Form 5 items reported early (form type 5, timeliness E) and,
    /// before 2023-02-27, gifts.
    /// </summary>
    public static bool IsDueOnForm4(OwnershipTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.FormType == "5" || transaction.Timeliness == "E") return false;
        return transaction.Code != "G" || transaction.EffectiveDate >= GiftsOnForm4From;
    }

    /// <summary>A Form 5 row that belonged on a Form 4: flagged late by the filer, typed 4, a purchase or sale, or a gift since 2023-02-27.</summary>
    public static bool BelongedOnForm4(OwnershipTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.FormType == "4" || transaction.Timeliness == "L" || transaction.Code is "P" or "S"
            || (transaction.Code == "G" && transaction.EffectiveDate >= GiftsOnForm4From);
    }

    /// <summary>The filing's due date, or null when the document carries no date to count from.</summary>
    /// <param name="filing">The parsed filing.</param>
    /// <param name="calendar">SEC business days.</param>
    /// <param name="fiscalYearEnd">Form 5 only: the issuer's fiscal year end when known; else the Form 5's period of report, else December 31.</param>
    public static DateOnly? Due(OwnershipFiling filing, SecBusinessCalendar calendar, DateOnly? fiscalYearEnd = null)
    {
        ArgumentNullException.ThrowIfNull(filing);
        ArgumentNullException.ThrowIfNull(calendar);
        switch (filing.FormNumber)
        {
            case 3:
                return filing.PeriodOfReport is { } evt ? calendar.OnOrNextBusinessDay(evt.AddDays(10)) : null;
            case 5:
                var yearEnd = fiscalYearEnd ?? filing.PeriodOfReport ?? DecemberThirtyFirst(filing);
                return yearEnd is { } end ? calendar.OnOrNextBusinessDay(end.AddDays(45)) : null;
            default:
                var dated = filing.Transactions.Where(IsDueOnForm4).ToList();
                if (dated.Count == 0) dated = filing.Transactions.ToList();
                if (dated.Count > 0) return calendar.AddBusinessDays(dated.Min(t => t.EffectiveDate), 2);
                return filing.PeriodOfReport is { } period ? calendar.AddBusinessDays(period, 2) : null;
        }
    }

    private static DateOnly? DecemberThirtyFirst(OwnershipFiling filing) =>
        filing.Transactions.Count > 0 ? new DateOnly(filing.Transactions.Max(t => t.Date).Year, 12, 31) : null;
}
