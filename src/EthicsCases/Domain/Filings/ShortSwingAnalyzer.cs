using System.Globalization;

namespace EthicsCases.Domain.Filings;

/// <summary>One purchase matched against one sale.</summary>
/// <param name="PurchaseDate">Date of the purchase.</param>
/// <param name="PurchasePrice">Price per share paid.</param>
/// <param name="SaleDate">Date of the sale.</param>
/// <param name="SalePrice">Price per share received.</param>
/// <param name="Shares">Shares matched.</param>
/// <param name="Profit">(sale price - purchase price) x shares.</param>
public sealed record ShortSwingMatch(DateOnly PurchaseDate, decimal PurchasePrice, DateOnly SaleDate, decimal SalePrice, decimal Shares, decimal Profit);

/// <summary>Matched trades for one insider in one issuer, with the estimated recoverable profit.</summary>
/// <param name="InsiderKey">Owner CIK, or the normalised name when there is none.</param>
/// <param name="InsiderName">Name as filed.</param>
/// <param name="IssuerCik">Issuer CIK.</param>
/// <param name="IssuerName">Issuer name.</param>
/// <param name="Matches">Pairs matched lowest-in, highest-out.</param>
/// <param name="EstimatedProfit">Sum of the matched profits.</param>
/// <param name="Finding">The <c>ShortSwing</c> finding.</param>
public sealed record ShortSwingResult(
    string InsiderKey,
    string InsiderName,
    string? IssuerCik,
    string? IssuerName,
    IReadOnlyList<ShortSwingMatch> Matches,
    decimal EstimatedProfit,
    FilingFinding Finding);

/// <summary>
/// Section 16(b) screen over parsed filings: non-exempt purchases (P) and sales (S) of the same issuer's equity by
/// the same insider less than six months apart, matched lowest price in against highest price out (the method
/// courts use to compute the maximum recoverable profit). Exempt codes (A, D, F, M, G, C, W...) never match.
/// Only non-derivative rows with a price are considered; derivative matching is left to counsel.
/// </summary>
public static class ShortSwingAnalyzer
{
    /// <summary>Finds short-swing profits; one result per insider and issuer that has at least one profitable match.</summary>
    public static IReadOnlyList<ShortSwingResult> Analyze(IEnumerable<OwnershipFiling> filings)
    {
        ArgumentNullException.ThrowIfNull(filings);
        var trades = new Dictionary<(string Insider, string Issuer), Group>();
        var seen = new HashSet<(string, string, DateOnly, string, decimal, decimal)>();

        foreach (var filing in filings)
        {
            var issuerKey = filing.Issuer.Cik?.TrimStart('0') is { Length: > 0 } cik ? cik : Normalise(filing.Issuer.Name ?? filing.Issuer.Ticker ?? "?");
            foreach (var owner in filing.ReportingOwners)
            {
                var insiderKey = InsiderKey(owner);
                foreach (var t in filing.Transactions)
                {
                    if (t.Table != TransactionTable.NonDerivative || t.Code is not ("P" or "S")) continue;
                    if (t.Shares is not { } shares || shares <= 0 || t.Price is not { } price) continue;
                    // The same trade appears again in amendments and joint filings: count it once.
                    if (!seen.Add((insiderKey, issuerKey, t.Date, t.Code, shares, price))) continue;

                    if (!trades.TryGetValue((insiderKey, issuerKey), out var group))
                    {
                        group = new Group(owner.Name, filing.Issuer);
                        trades[(insiderKey, issuerKey)] = group;
                    }

                    (t.Code == "P" ? group.Purchases : group.Sales).Add(new Lot(t.Date, price, shares));
                }
            }
        }

        var results = new List<ShortSwingResult>();
        foreach (var ((insiderKey, _), group) in trades)
        {
            var matches = Match(group.Purchases, group.Sales);
            if (matches.Count == 0) continue;
            var profit = matches.Sum(m => m.Profit);
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"{group.InsiderName}: purchases and sales of {group.Issuer.Name ?? group.Issuer.Ticker} less than six months apart; {matches.Count} matched pair(s), {matches.Sum(m => m.Shares):#,0.####} shares, estimated recoverable profit ${profit:#,0.00} (lowest-in, highest-out, Section 16(b)).");
            results.Add(new ShortSwingResult(
                insiderKey, group.InsiderName, group.Issuer.Cik, group.Issuer.Name, matches, profit,
                new FilingFinding(FindingCodes.ShortSwing, message)));
        }

        return results;
    }

    /// <summary>The key identifying an insider across filings: the CIK, else the name upper-cased without punctuation.</summary>
    public static string InsiderKey(ReportingOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return owner.Cik?.TrimStart('0') is { Length: > 0 } cik ? cik : Normalise(owner.Name);
    }

    /// <summary>Upper case, letters and digits only, words sorted so "Graham Auste M" and "Auste M. Graham" agree.</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.ToUpperInvariant()
            .Split([' ', ',', '.', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Order(StringComparer.Ordinal);
        return string.Join(' ', words);
    }

    /// <summary>Greedy by spread: repeatedly match the pair within six months with the largest (sale - purchase) price.</summary>
    private static List<ShortSwingMatch> Match(List<Lot> purchases, List<Lot> sales)
    {
        var pairs = new List<(Lot Purchase, Lot Sale)>();
        foreach (var p in purchases)
            foreach (var s in sales)
                if (s.Price > p.Price && WithinSixMonths(p.Date, s.Date)) pairs.Add((p, s));

        var matches = new List<ShortSwingMatch>();
        foreach (var (p, s) in pairs.OrderByDescending(x => x.Sale.Price - x.Purchase.Price).ThenBy(x => x.Purchase.Date))
        {
            var shares = Math.Min(p.Remaining, s.Remaining);
            if (shares <= 0) continue;
            p.Remaining -= shares;
            s.Remaining -= shares;
            matches.Add(new ShortSwingMatch(p.Date, p.Price, s.Date, s.Price, shares, (s.Price - p.Price) * shares));
        }

        return matches.OrderBy(m => m.PurchaseDate).ThenBy(m => m.SaleDate).ToList();
    }

    private static bool WithinSixMonths(DateOnly a, DateOnly b)
    {
        var (first, second) = a <= b ? (a, b) : (b, a);
        return second < first.AddMonths(6);
    }

    private sealed class Lot(DateOnly date, decimal price, decimal shares)
    {
        public DateOnly Date { get; } = date;

        public decimal Price { get; } = price;

        public decimal Remaining { get; set; } = shares;
    }

    private sealed class Group(string insiderName, FilingIssuer issuer)
    {
        public string InsiderName { get; } = insiderName;

        public FilingIssuer Issuer { get; } = issuer;

        public List<Lot> Purchases { get; } = [];

        public List<Lot> Sales { get; } = [];
    }
}
