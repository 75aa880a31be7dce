using Microsoft.AspNetCore.Http.Extensions;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// Previous and next links of a keyset-paged list on a page. The cursor of the current page travels as
/// <c>{prefix}after</c>; the cursors of the pages before it as <c>{prefix}trail</c>, so that "previous" needs no
/// backwards query. Other query values (filters, other lists' cursors) are kept.
/// </summary>
public sealed record PageLinks(string? Previous, string? Next, int Number)
{
    private const string FirstPage = "~";

    /// <summary>The links of a list whose current page gave out <paramref name="next"/>.</summary>
    public static PageLinks For(HttpRequest request, string? next, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        var after = Value(request, prefix + "after");
        var trail = (Value(request, prefix + "trail") ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? previous = null;
        if (after is not null)
        {
            var back = trail.Count > 0 ? trail[^1] : FirstPage;
            previous = Link(request, prefix, back == FirstPage ? null : back, trail.Count > 0 ? trail[..^1] : []);
        }

        var nextLink = next is null ? null : Link(request, prefix, next, [.. trail, after ?? FirstPage]);
        return new PageLinks(previous, nextLink, after is null ? 1 : trail.Count + 2);
    }

    /// <summary>The cursor of the page to show (<c>{prefix}after</c>), if any.</summary>
    public static string? After(HttpRequest request, string prefix = "") => Value(request, prefix + "after");

    private static string? Value(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

    private static string Link(HttpRequest request, string prefix, string? after, IReadOnlyList<string> trail)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (key != prefix + "after" && key != prefix + "trail")
            {
                foreach (var value in values)
                {
                    query.Add(key, value ?? "");
                }
            }
        }

        if (after is not null)
        {
            query.Add(prefix + "after", after);
        }

        if (trail.Count > 0)
        {
            query.Add(prefix + "trail", string.Join('.', trail));
        }

        return request.PathBase + request.Path + query.ToQueryString();
    }
}
