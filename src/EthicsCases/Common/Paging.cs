using System.Collections;
using System.Globalization;
using System.Text;
using EthicsCases.Domain;
using FluentValidation;

namespace EthicsCases.Common;

/// <summary>
/// A list query that pages by key: <see cref="Limit"/> rows after the opaque <see cref="After"/> cursor. Without a
/// limit the whole list comes back (in-process callers such as the CLI, which pages through it itself).
/// </summary>
public interface IPagedQuery
{
    /// <summary>How many rows, 1 to <see cref="Paging.MaxLimit"/>; null for all of them.</summary>
    int? Limit { get; }

    /// <summary>The <see cref="Page{T}.Next"/> of the previous page; null for the first page.</summary>
    string? After { get; }
}

/// <summary>
/// One page of a list, oldest (or first) rows first, and the cursor of the next page (null on the last one). It is the
/// list itself too, so callers that only enumerate keep working.
/// </summary>
public sealed class Page<T>(IReadOnlyList<T> items, string? next, IReadOnlyDictionary<string, int>? counts = null) : IReadOnlyList<T>
{
    /// <summary>The rows of this page.</summary>
    public IReadOnlyList<T> Items { get; } = items;

    /// <summary>The cursor to pass as <c>after</c> for the next page; null when this is the last page.</summary>
    public string? Next { get; } = next;

    /// <summary>For lists of cases: how many visible cases each state holds under the list's filters (first page only).</summary>
    public IReadOnlyDictionary<string, int>? Counts { get; } = counts;

    public int Count => Items.Count;

    public T this[int index] => Items[index];

    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Cursors and limits shared by every paged list.</summary>
public static class Paging
{
    /// <summary>What the API and the pages show when no limit is asked for.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page anyone may ask for.</summary>
    public const int MaxLimit = 200;

    /// <summary>An opaque cursor over the sort key of the last row shown: base64url of its parts.</summary>
    public static string Cursor(params string[] parts) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A cursor over an instant and a tie-breaking key.</summary>
    public static string Cursor(DateTime at, string key) => Cursor(at.Ticks.ToString(CultureInfo.InvariantCulture), key);

    /// <summary>The parts of a cursor; rejects a cursor that is not one of ours (field <c>after</c>).</summary>
    public static string[] Parts(string cursor, int count)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        try
        {
            var text = cursor.Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split('\u001f');
            return parts.Length == count ? parts : throw Invalid();
        }
        catch (FormatException)
        {
            throw Invalid();
        }
    }

    /// <summary>The instant and key of a <see cref="Cursor(DateTime, string)"/>.</summary>
    public static (DateTime At, string Key) InstantCursor(string cursor)
    {
        var parts = Parts(cursor, 2);
        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? (new DateTime(ticks, DateTimeKind.Utc), parts[1])
            : throw Invalid();
    }

    /// <summary>The page of <paramref name="rows"/> (fetched with one extra row to learn whether more follow).</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> rows, int? limit, Func<T, string> cursorOf, IReadOnlyDictionary<string, int>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cursorOf);
        if (limit is not { } n || rows.Count <= n)
        {
            return new Page<T>(rows, null, counts);
        }

        var items = rows.Take(n).ToList();
        return new Page<T>(items, cursorOf(items[^1]), counts);
    }

    /// <summary>How many rows to fetch for a page: one more than asked, to know whether a next page exists.</summary>
    public static int Fetch(int? limit) => limit is { } n ? n + 1 : int.MaxValue;

    /// <summary>The limit and cursor rules every paged query shares.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> validator)
        where T : IPagedQuery
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null)
            .OverridePropertyName("limit").WithMessage($"A page holds 1 to {MaxLimit} rows.");
        validator.RuleFor(q => q.After).MaximumLength(1000).OverridePropertyName("after");
    }

    private static ValidationFailedException Invalid() => ValidationFailedException.For("after", "That is not a cursor this list gave out.");
}
