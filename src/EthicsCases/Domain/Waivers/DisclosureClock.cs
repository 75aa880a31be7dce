using System.Globalization;
using EthicsCases.Domain.Filings;

namespace EthicsCases.Domain.Waivers;

/// <summary>
/// Form 8-K Item 5.05 and General Instruction B.1: a waiver of the code of ethics, or an amendment of it, is disclosed
/// within four business days after it occurs, on Form 8-K or (Item 5.05(c)) on the company's website, where a posting
/// stays up for at least twelve months. These numbers are the SEC's, not the company's, so they are constants here;
/// the calendar they count on (holidays, observed days, EDGAR closures) is data, and its version is recorded with
/// every due date.
/// </summary>
public static class DisclosureClock
{
    /// <summary>Which rule the numbers come from; recorded with every clock.</summary>
    public const string RuleVersion = "form-8-k-item-5.05";

    /// <summary>Business days allowed after the waiver or amendment.</summary>
    public const int BusinessDays = 4;

    /// <summary>How long a website disclosure must stay posted.</summary>
    public const int WebsiteMonths = 12;

    /// <summary>
    /// The last day to disclose: the fourth SEC business day after <paramref name="eventDate"/> (the day itself does
    /// not count; a Saturday grant counts from Monday).
    /// </summary>
    public static DateOnly Due(DateOnly eventDate, SecBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddBusinessDays(eventDate, BusinessDays);
    }

    /// <summary>The first day a website posting may come down: twelve months after it went up.</summary>
    public static DateOnly KeepPostedUntil(DateOnly postedOn) => postedOn.AddMonths(WebsiteMonths);

    /// <summary>
    /// Business days from <paramref name="today"/> to <paramref name="due"/>: 0 on the due date, 1 the business day
    /// before; negative once past it (the business days overdue).
    /// </summary>
    public static int BusinessDaysLeft(DateOnly today, DateOnly due, SecBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var (from, to, sign) = today <= due ? (today, due, 1) : (due, today, -1);
        var days = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            days += calendar.IsBusinessDay(d) ? 1 : 0;
        }

        return sign * days;
    }

    /// <summary>Long date as SEC filings write it: <c>March 2, 2026</c>.</summary>
    public static string LongDate(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}

/// <summary>How a waiver or amendment is made public (Item 5.05 and 5.05(c)).</summary>
public enum DisclosureChannel
{
    /// <summary>A Current Report on Form 8-K, Item 5.05 (written <c>8-K</c>).</summary>
    Form8K,

    /// <summary>The company's website, under Item 5.05(c) (written <c>website</c>).</summary>
    Website,
}

/// <summary>The channel names users type and read.</summary>
public static class DisclosureChannels
{
    /// <summary>The names, as the CLI and API take them.</summary>
    public const string Allowed = "8-K or website";

    /// <summary>Reads <c>8-K</c> or <c>website</c> (case-insensitive); null when neither.</summary>
    public static DisclosureChannel? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "8-K" or "8K" or "FORM8K" or "FORM 8-K" => DisclosureChannel.Form8K,
        "WEBSITE" or "WEB" => DisclosureChannel.Website,
        _ => null,
    };

    /// <summary>The name users read: <c>8-K</c> or <c>website</c>.</summary>
    public static string Name(DisclosureChannel channel) => channel == DisclosureChannel.Form8K ? "8-K" : "website";

    /// <summary>Whether a text is an absolute http(s) address.</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>Something the register should show a reader about a disclosure.</summary>
/// <param name="Code">Stable code: <c>DisclosureOverdue</c>, <c>DisclosedLate</c>, <c>PostingRemovedEarly</c>.</param>
/// <param name="Message">What it means, in words.</param>
public sealed record DisclosureFinding(string Code, string Message);

/// <summary>
/// The disclosure obligation of one waiver or amendment: the event date that started the clock, the due date, and
/// what was disclosed where and when, including a website posting's removal. Owned by its <see cref="Waiver"/> or
/// <see cref="CodeAmendment"/>, stored in the same row.
/// </summary>
public sealed class DisclosureTrack
{
    /// <summary>The grant or adoption date that started the clock; null while nothing is to be disclosed.</summary>
    public DateOnly? EventDate { get; private set; }

    /// <summary>The last day to disclose.</summary>
    public DateOnly? Due { get; private set; }

    /// <summary>Version of the business-day calendar the due date was counted on.</summary>
    public string? CalendarVersion { get; private set; }

    /// <summary>When it was disclosed (filed, or posted on the website).</summary>
    public DateOnly? DisclosedOn { get; private set; }

    /// <summary>Where.</summary>
    public DisclosureChannel? Channel { get; private set; }

    /// <summary>The posting's address, or the filing's, when given.</summary>
    public string? Url { get; private set; }

    /// <summary>When a website posting was taken down.</summary>
    public DateOnly? PostingRemovedOn { get; private set; }

    /// <summary>Whether the clock runs (something must be disclosed).</summary>
    public bool Started => Due is not null;

    /// <summary>Whether the disclosure is recorded.</summary>
    public bool Disclosed => DisclosedOn is not null;

    /// <summary>Disclosed after the due date; null until disclosed.</summary>
    public bool? Late => DisclosedOn is { } on && Due is { } due ? on > due : null;

    /// <summary>Not disclosed and the due date has passed.</summary>
    public bool IsOverdue(DateOnly today) => Due is { } due && DisclosedOn is null && today > due;

    /// <summary>
    /// For the register: disclosed late, or not disclosed with the due date passed; null when there is no clock.
    /// </summary>
    public bool? LateAsOf(DateOnly today) => Due is null ? null : Late ?? IsOverdue(today);

    /// <summary>The first day a website posting may come down; null for an 8-K.</summary>
    public DateOnly? KeepPostedUntil =>
        Channel == DisclosureChannel.Website && DisclosedOn is { } posted ? DisclosureClock.KeepPostedUntil(posted) : null;

    /// <summary>The website posting came down before twelve months.</summary>
    public bool RemovedEarly => PostingRemovedOn is { } removed && KeepPostedUntil is { } until && removed < until;

    /// <summary>What a reader of the register should notice, as of <paramref name="today"/>.</summary>
    public IReadOnlyList<DisclosureFinding> Findings(DateOnly today)
    {
        var findings = new List<DisclosureFinding>();
        if (IsOverdue(today))
        {
            findings.Add(new("DisclosureOverdue", $"Not disclosed; it was due by {DisclosureClock.LongDate(Due!.Value)}."));
        }

        if (Late == true)
        {
            findings.Add(new("DisclosedLate", $"Disclosed on {DisclosureClock.LongDate(DisclosedOn!.Value)}, after the due date {DisclosureClock.LongDate(Due!.Value)}."));
        }

        if (RemovedEarly)
        {
            findings.Add(new("PostingRemovedEarly",
                $"The website posting came down on {DisclosureClock.LongDate(PostingRemovedOn!.Value)}, before twelve months " +
                $"(it had to stay up until {DisclosureClock.LongDate(KeepPostedUntil!.Value)}; Item 5.05(c))."));
        }

        return findings;
    }

    /// <summary>Starts the clock on the grant or adoption date.</summary>
    internal void Start(DateOnly eventDate, SecBusinessCalendar calendar)
    {
        if (Started)
        {
            throw new InvalidOperationException("The disclosure clock is already running.");
        }

        EventDate = eventDate;
        Due = DisclosureClock.Due(eventDate, calendar);
        CalendarVersion = calendar.Version;
    }

    /// <summary>Records the disclosure.</summary>
    /// <exception cref="ConflictException">Nothing to disclose, or already disclosed.</exception>
    /// <exception cref="ValidationFailedException">Before the event, or a website posting without its address.</exception>
    internal void Record(DateOnly on, DisclosureChannel channel, string? url, string what)
    {
        if (!Started)
        {
            throw new ConflictException($"{what} has nothing to disclose.");
        }

        if (Disclosed)
        {
            throw new ConflictException($"{what} was already disclosed on {DisclosedOn:yyyy-MM-dd} ({DisclosureChannels.Name(Channel!.Value)}).");
        }

        if (on < EventDate)
        {
            throw ValidationFailedException.For("on", $"The disclosure ({on:yyyy-MM-dd}) cannot come before the event it discloses ({EventDate:yyyy-MM-dd}).");
        }

        if (channel == DisclosureChannel.Website && !DisclosureChannels.IsWebAddress(url))
        {
            throw ValidationFailedException.For("url", "A website disclosure needs the posting's address (--url https://...).");
        }

        DisclosedOn = on;
        Channel = channel;
        Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
    }

    /// <summary>Records that the website posting came down.</summary>
    /// <exception cref="ConflictException">Not a website posting, or its removal is already recorded.</exception>
    internal void RecordRemoval(DateOnly on, string what)
    {
        if (Channel != DisclosureChannel.Website)
        {
            throw new ConflictException($"{what} was not posted on the website, so there is no posting to take down.");
        }

        if (PostingRemovedOn is not null)
        {
            throw new ConflictException($"{what}'s posting was already recorded as removed on {PostingRemovedOn:yyyy-MM-dd}.");
        }

        if (on < DisclosedOn)
        {
            throw ValidationFailedException.For("on", $"The posting cannot come down ({on:yyyy-MM-dd}) before it went up ({DisclosedOn:yyyy-MM-dd}).");
        }

        PostingRemovedOn = on;
    }
}
