using EthicsCases.Common;

namespace EthicsCases.Web.Api;

/// <summary>
/// A page of a list as the API answers it: <c>{"items":[...],"next":CURSOR|null}</c>; pass <c>next</c> back as
/// <c>?after=</c> for the following page. <c>limit</c> is 50 by default and 200 at most (more is a 400).
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// A page of a list of cases: also how many visible cases each state holds under the list's filters (first page only,
/// else null), counted up to <see cref="CountLimit"/> (a count equal to it means that many or more).
/// </summary>
public sealed record CaseListPage<T>(IReadOnlyList<T> Items, string? Next, IReadOnlyDictionary<string, int>? Counts)
{
    /// <summary>Where counting stops (<see cref="CaseRows.CountLimit"/>).</summary>
    public int CountLimit => CaseRows.CountLimit;
}

/// <summary>Turns query pages into API pages.</summary>
public static class ApiPages
{
    /// <summary>The limit to ask for: the caller's, else <see cref="Paging.DefaultLimit"/>.</summary>
    public static int Limit(int? limit) => limit ?? Paging.DefaultLimit;

    /// <summary>As the API answers it.</summary>
    public static ListPage<T> ToApi<T>(this Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new ListPage<T>(page.Items, page.Next);
    }

    /// <summary>As the API answers a list of cases.</summary>
    public static CaseListPage<T> ToCaseApi<T>(this Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new CaseListPage<T>(page.Items, page.Next, page.Counts);
    }
}
