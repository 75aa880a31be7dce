using System.CommandLine;
using EthicsCases.Notifications;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics notifications send</c>, <c>scan</c> and <c>prefer</c>.</summary>
public static class NotificationCommands
{
    /// <summary>Builds the <c>notifications</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        // Exit 0 whenever the run completed, failures included: a failed mail is not a rejected request, it is
        // retried with back-off, and the JSON's "failed" tells monitoring (docs/notifications.md).
        var send = new Command("send", "Deliver the notifications that are due, once; prints {\"sent\",\"failed\"}.");
        send.SetAction((parse, ct) => runner.RunAsync(parse, null,
            async (services, token) => await NotificationSetup.Dispatcher(services).DeliverPendingAsync(token),
            (r, o) => o.WriteLine($"{r.Sent} sent, {r.Failed} failed."), ct));

        var scan = new Command("scan", "Queue the deadline alerts due now for every open case, once each; prints {\"cases\",\"queued\"}.");
        scan.SetAction((parse, ct) => runner.SendAsync(parse, null, new ScanDeadlines(),
            (r, o) => o.WriteLine($"{r.Cases} open case(s) scanned, {r.Queued} alert(s) queued."), ct));

        var actAs = CaseCommands.As();
        var preference = new Argument<string>("preference") { Description = "Immediate or DailyDigest." };
        var prefer = new Command("prefer", "Choose immediate mail or a daily digest; prints {\"personId\",\"preference\"}.") { preference, actAs };
        prefer.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new SetNotificationPreference(parse.GetValue(preference)!),
            (r, o) => o.WriteLine($"Notifications for {parse.GetValue(actAs)}: {r.Preference}."), ct));

        return new Command("notifications", "E-mail notifications from the outbox.") { send, scan, prefer };
    }
}
