using System.Linq.Expressions;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Features.Form4;

/// <summary>
/// Links reporting owners to directory people: by CIK, else by exact normalised name. A near or ambiguous name is
/// never linked silently: it goes to the review list with the candidates named.
/// </summary>
internal static class OwnerDirectory
{
    /// <summary>The outcome of matching one owner.</summary>
    internal sealed record Outcome(Person? Person, OwnerMatch Match, string? ReviewNote, bool CikRecorded);

    /// <summary>Matches <paramref name="owner"/> against the (tracked) directory; may record the owner's CIK on the person.</summary>
    public static Outcome Match(ReportingOwner owner, IReadOnlyList<Person> people)
    {
        var cik = TrimCik(owner.Cik);
        if (cik is not null)
        {
            var byCik = people.Where(p => TrimCik(p.Cik) == cik).ToList();
            if (byCik.Count == 1) return new Outcome(byCik[0], OwnerMatch.Cik, null, false);
            if (byCik.Count > 1)
                return new Outcome(null, OwnerMatch.NeedsReview, $"Several directory people carry CIK {owner.Cik}: {Names(byCik)}.", false);
        }

        var name = ShortSwingAnalyzer.Normalise(owner.Name);
        var exact = people.Where(p => ShortSwingAnalyzer.Normalise(p.Name) == name).ToList();
        if (exact.Count > 1)
            return new Outcome(null, OwnerMatch.NeedsReview, $"The name matches several directory people: {Names(exact)}.", false);
        if (exact.Count == 1)
        {
            var person = exact[0];
            if (cik is not null && person.Cik is not null)
            {
                return new Outcome(null, OwnerMatch.NeedsReview,
                    $"The name matches {person.Name} <{person.Email}>, but the directory gives CIK {person.Cik} and the filing {owner.Cik}.", false);
            }

            var recorded = false;
            if (cik is not null && person.Cik is null)
            {
                person.Cik = owner.Cik;
                recorded = true;
            }

            return new Outcome(person, OwnerMatch.ExactName, null, recorded);
        }

        var near = people.Where(p => IsNear(name, ShortSwingAnalyzer.Normalise(p.Name))).ToList();
        if (near.Count > 0)
            return new Outcome(null, OwnerMatch.NeedsReview, $"Not an exact name match; close to: {Names(near)}.", false);
        return new Outcome(null, OwnerMatch.NotInDirectory, "Nobody in the directory has this CIK or name.", false);
    }

    /// <summary>The key that follows one insider across filings: the linked person, else the CIK, else the normalised name.</summary>
    public static string InsiderKey(ReportingOwnerRecord owner) =>
        owner.PersonId is { } id ? $"person:{id:N}"
        : TrimCik(owner.Cik) is { } cik ? $"cik:{cik}"
        : $"name:{owner.NormalisedName}";

    /// <summary>Owner rows of the same insider as <paramref name="owner"/>.</summary>
    public static Expression<Func<ReportingOwnerRecord, bool>> SameInsider(ReportingOwnerRecord owner)
    {
        if (owner.PersonId is { } id)
        {
            var cik = owner.Cik;
            return cik == null ? o => o.PersonId == id : o => o.PersonId == id || o.Cik == cik;
        }

        if (owner.Cik is { } ownerCik) return o => o.Cik == ownerCik;
        var name = owner.NormalisedName;
        return o => o.PersonId == null && o.Cik == null && o.NormalisedName == name;
    }

    private static string? TrimCik(string? cik) => cik?.Trim().TrimStart('0') is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>Same significant words (initials ignored), or one name's words contained in the other's with at least two in common.</summary>
    private static bool IsNear(string a, string b)
    {
        var wa = a.Split(' ').Where(w => w.Length > 1).ToHashSet();
        var wb = b.Split(' ').Where(w => w.Length > 1).ToHashSet();
        if (wa.Count == 0 || wb.Count == 0) return false;
        return wa.SetEquals(wb) || (wa.Intersect(wb).Count() >= 2 && (wa.IsSubsetOf(wb) || wb.IsSubsetOf(wa)));
    }

    private static string Names(IEnumerable<Person> people) => string.Join(", ", people.Select(p => $"{p.Name} <{p.Email}>"));
}
