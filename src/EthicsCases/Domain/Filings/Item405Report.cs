namespace EthicsCases.Domain.Filings;

/// <summary>One person's line in the Regulation S-K Item 405 disclosure ("Delinquent Section 16(a) Reports").</summary>
/// <param name="InsiderKey">Owner CIK, else normalised name.</param>
/// <param name="Name">Name as filed.</param>
/// <param name="LateReports">Number of reports filed late.</param>
/// <param name="LateTransactions">Number of transactions not reported on a timely basis.</param>
/// <param name="KnownFailuresToFile">Transactions that should have been on a Form 4 and were first reported on a Form 5.</param>
/// <param name="Details">One line per late report or failure, for the proxy drafter.</param>
public sealed record Item405Entry(
    string InsiderKey,
    string Name,
    int LateReports,
    int LateTransactions,
    int KnownFailuresToFile,
    IReadOnlyList<string> Details);

/// <summary>Builds the Item 405 summary from checked filings of one fiscal year. Pure.</summary>
public static class Item405Report
{
    /// <summary>Per person: late reports, late transactions, known failures to file. People with nothing to disclose are left out.</summary>
    /// <param name="checkedFilings">Results of <see cref="Form4Checker"/> for the fiscal year's filings.</param>
    /// <param name="fiscalYearStart">When given with <paramref name="fiscalYearEnd"/>, only filings whose due date falls in the year count.</param>
    /// <param name="fiscalYearEnd">Last day of the fiscal year.</param>
    public static IReadOnlyList<Item405Entry> Build(
        IEnumerable<Form4CheckResult> checkedFilings, DateOnly? fiscalYearStart = null, DateOnly? fiscalYearEnd = null)
    {
        ArgumentNullException.ThrowIfNull(checkedFilings);
        var people = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var result in checkedFilings)
        {
            if (fiscalYearStart is { } from && fiscalYearEnd is { } to && result.Due is { } due && (due < from || due > to)) continue;
            var filing = result.Filing;
            var failures = filing.FormNumber == 5 ? filing.Transactions.Where(Section16Deadlines.BelongedOnForm4).ToList() : [];
            foreach (var owner in filing.ReportingOwners)
            {
                var key = ShortSwingAnalyzer.InsiderKey(owner);
                if (!people.TryGetValue(key, out var person))
                {
                    person = new Accumulator(owner.Name);
                    people[key] = person;
                }

                if (result.Late == true)
                {
                    person.LateReports++;
                    person.LateTransactions += filing.FormNumber == 5 ? 0 : result.LateTransactions ?? filing.Transactions.Count;
                    person.Details.Add($"Form {filing.DocumentType} due {result.Due:yyyy-MM-dd} filed {result.Filed:yyyy-MM-dd} ({result.BusinessDaysLate} business day(s) late)");
                }

                foreach (var t in failures)
                {
                    person.LateTransactions++;
                    person.Failures++;
                    person.Details.Add($"{t.Code} of {t.Shares} {t.Security} on {t.Date:yyyy-MM-dd} first reported on Form {filing.DocumentType}");
                }
            }
        }

        return people
            .Where(p => p.Value.LateReports > 0 || p.Value.Failures > 0)
            .Select(p => new Item405Entry(p.Key, p.Value.Name, p.Value.LateReports, p.Value.LateTransactions, p.Value.Failures, p.Value.Details))
            .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private sealed class Accumulator(string name)
    {
        public string Name { get; } = name;

        public int LateReports { get; set; }

        public int LateTransactions { get; set; }

        public int Failures { get; set; }

        public List<string> Details { get; } = [];
    }
}
