using System.Globalization;
using EthicsCases.Data;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Notifications;

/// <summary>Delivery settings, from <c>Notifications:*</c> and <c>App:BaseUrl</c> (docs/notifications.md).</summary>
public sealed record NotificationOptions
{
    /// <summary><c>Notifications:Enabled</c>: whether the web app's hosted service delivers (the CLI always can).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>Notifications:PollSeconds</c>: how often the hosted service looks for due mail.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Notifications:MaxAttempts</c>: attempts before a notification is given up as failed.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary><c>Notifications:BatchSize</c>: rows one claim takes.</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary><c>Notifications:LeaseSeconds</c>: how long a claim holds before another node may take the row over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary><c>Notifications:DigestHourUtc</c>: the hour (UTC) at which each day's digest is made.</summary>
    public int DigestHourUtc { get; init; } = 7;

    /// <summary><c>Notifications:ScanMinutes</c>: how often the hosted service scans open cases for deadline alerts.</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary><c>App:BaseUrl</c>: the web app's address, for links to cases.</summary>
    public string BaseUrl { get; init; } = "http://localhost:5080";

    /// <summary>The delay before attempt <paramref name="attemptsMade"/> + 1: 1, 5, 25, 125 minutes..., at most 6 hours.</summary>
    public static TimeSpan Backoff(int attemptsMade) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(5, Math.Max(0, attemptsMade - 1)), 6 * 60));

    /// <summary>Reads the settings; absent keys keep their defaults.</summary>
    public static NotificationOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new NotificationOptions();
        return new NotificationOptions
        {
            Enabled = Bool(configuration["Notifications:Enabled"]) ?? defaults.Enabled,
            PollInterval = Int(configuration["Notifications:PollSeconds"]) is { } poll and > 0 ? TimeSpan.FromSeconds(poll) : defaults.PollInterval,
            MaxAttempts = Int(configuration["Notifications:MaxAttempts"]) is { } max and > 0 ? max : defaults.MaxAttempts,
            BatchSize = Int(configuration["Notifications:BatchSize"]) is { } batch and > 0 ? batch : defaults.BatchSize,
            Lease = Int(configuration["Notifications:LeaseSeconds"]) is { } lease and > 0 ? TimeSpan.FromSeconds(lease) : defaults.Lease,
            DigestHourUtc = Int(configuration["Notifications:DigestHourUtc"]) is { } hour and >= 0 and < 24 ? hour : defaults.DigestHourUtc,
            ScanInterval = Int(configuration["Notifications:ScanMinutes"]) is { } scan and > 0 ? TimeSpan.FromMinutes(scan) : defaults.ScanInterval,
            BaseUrl = string.IsNullOrWhiteSpace(configuration["App:BaseUrl"]) ? defaults.BaseUrl : configuration["App:BaseUrl"]!,
        };
    }

    internal static int? Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    internal static bool? Bool(string? text) => bool.TryParse(text, out var v) ? v : null;
}

/// <summary>
/// Where mail goes, from <c>Smtp:*</c>. With no <see cref="Host"/> mail is written as .eml files to
/// <see cref="PickupDirectory"/> instead (<c>{data folder}/mail</c> unless <c>Smtp:PickupDirectory</c> says otherwise).
/// </summary>
public sealed record SmtpSettings
{
    /// <summary><c>Smtp:Host</c>.</summary>
    public string? Host { get; init; }

    /// <summary><c>Smtp:Port</c>; 587 by default (465 means TLS from the first byte).</summary>
    public int Port { get; init; } = 587;

    /// <summary><c>Smtp:From</c>: the sender address.</summary>
    public string From { get; init; } = "ethics-cases@localhost";

    /// <summary><c>Smtp:UseTls</c>: STARTTLS (or TLS on connect for port 465), required; true by default.</summary>
    public bool UseTls { get; init; } = true;

    /// <summary><c>Smtp:User</c>: authenticate when set.</summary>
    public string? User { get; init; }

    /// <summary><c>Smtp:Password</c>.</summary>
    public string? Password { get; init; }

    /// <summary>Folder for .eml files when there is no host.</summary>
    public string PickupDirectory { get; init; } = "";

    /// <summary>Reads the settings.</summary>
    public static SmtpSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new SmtpSettings();
        var pickup = configuration["Smtp:PickupDirectory"];
        return new SmtpSettings
        {
            Host = string.IsNullOrWhiteSpace(configuration["Smtp:Host"]) ? null : configuration["Smtp:Host"]!.Trim(),
            Port = NotificationOptions.Int(configuration["Smtp:Port"]) ?? defaults.Port,
            From = string.IsNullOrWhiteSpace(configuration["Smtp:From"]) ? defaults.From : configuration["Smtp:From"]!.Trim(),
            UseTls = NotificationOptions.Bool(configuration["Smtp:UseTls"]) ?? defaults.UseTls,
            User = string.IsNullOrWhiteSpace(configuration["Smtp:User"]) ? null : configuration["Smtp:User"],
            Password = configuration["Smtp:Password"],
            PickupDirectory = string.IsNullOrWhiteSpace(pickup) ? Path.Combine(DatabaseSettings.DataDirectory(configuration), "mail") : pickup,
        };
    }
}
