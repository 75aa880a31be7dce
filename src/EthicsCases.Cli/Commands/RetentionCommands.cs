using System.CommandLine;
using EthicsCases.Features.Retention;

namespace EthicsCases.Cli.Commands;

/// <summary>
/// <c>ethics retention run</c> (an operator's command: it deletes data keys) and <c>ethics case hold|release|redact</c>
/// (a directory person under the web app's rules).
/// </summary>
public static class RetentionCommands
{
    /// <summary>Builds the <c>retention</c> command group.</summary>
    public static Command Build(CommandRunner runner) =>
        new("retention", "The retention policy: purge the content of closed cases whose retention ended.") { Run(runner) };

    /// <summary>Adds <c>hold</c>, <c>release</c> and <c>redact</c> to the <c>case</c> group.</summary>
    public static void AddTo(Command caseGroup, CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(caseGroup);
        caseGroup.Subcommands.Add(Hold(runner));
        caseGroup.Subcommands.Add(Release(runner));
        caseGroup.Subcommands.Add(Redact(runner));
    }

    private static Command Run(CommandRunner runner)
    {
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Apply the policy as of this date (YYYY-MM-DD; default today, UTC; not in the future unless --dry-run)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Change nothing; list what would be purged and what is held." };
        var run = new Command("run",
            "Purge the content of every closed case whose retention ended and that has no active legal hold; " +
            "prints {\"asOf\",\"policyVersion\",\"purged\",\"held\",\"skipped\",\"dryRun\"}.")
        {
            asOf, dryRun,
        };
        run.SetAction((parse, ct) => runner.SendAsync(parse, null, new RunRetention(parse.GetValue(asOf), parse.GetValue(dryRun)), (r, o) =>
        {
            var verb = r.DryRun ? "would be purged" : "purged";
            o.WriteLine($"Retention policy {r.PolicyVersion} as of {r.AsOf:yyyy-MM-dd}{(r.DryRun ? " (dry run: nothing changed)" : "")}:");
            o.WriteLine($"  {r.Purged.Count} case(s) {verb}{(r.Purged.Count == 0 ? "" : ": " + string.Join(", ", r.Purged))}");
            o.WriteLine($"  {r.Held.Count} case(s) due but under legal hold{(r.Held.Count == 0 ? "" : ": " + string.Join(", ", r.Held))}");
            if (r.Skipped.Count > 0)
            {
                o.WriteLine($"  {r.Skipped.Count} case(s) changed while the run went on, left for the next run: {string.Join(", ", r.Skipped)}");
            }
        }, ct));
        return run;
    }

    private static Command Hold(CommandRunner runner)
    {
        var id = CaseCommands.Id();
        var actAs = CaseCommands.As();
        var reason = new Option<string>("--reason") { Required = true, Description = "Why the case is held (the matter, inquiry or litigation)." };
        var hold = new Command("hold", "Place a legal hold on a case (General Counsel or Audit Committee): it is not purged until released.") { id, actAs, reason };
        hold.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new PlaceLegalHold(parse.GetValue(id)!, parse.GetValue(reason) ?? ""),
            (r, o) => o.WriteLine($"Legal hold {r.HoldId} placed on case {r.Reference}: it will not be purged until the hold is released."), ct));
        return hold;
    }

    private static Command Release(CommandRunner runner)
    {
        var id = CaseCommands.Id();
        var actAs = CaseCommands.As();
        var reason = new Option<string>("--reason") { Required = true, Description = "Why the hold is released." };
        var holdId = new Option<Guid?>("--hold-id") { Description = "The hold to release, when the case has several active holds." };
        var release = new Command("release", "Release a legal hold on a case (General Counsel or Audit Committee).") { id, actAs, reason, holdId };
        release.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new ReleaseLegalHold(parse.GetValue(id)!, parse.GetValue(reason) ?? "", parse.GetValue(holdId)),
            (r, o) => o.WriteLine($"Legal hold {r.HoldId} on case {r.Reference} released; {r.ActiveHolds} active hold(s) remain."), ct));
        return release;
    }

    private static Command Redact(CommandRunner runner)
    {
        var id = CaseCommands.Id();
        var actAs = CaseCommands.As();
        var details = new Option<bool>("--details") { Description = "Redact in the reporter's account." };
        var message = new Option<Guid?>("--message") { Description = "Redact in this message (its id)." };
        var passage = new Option<string>("--passage") { Required = true, Description = "The passage, exactly as it appears; every occurrence becomes [redacted], for good." };
        var reason = new Option<string>("--reason") { Required = true, Description = "Why it is redacted (recorded in the case's history)." };
        var redact = new Command("redact", "Permanently redact a passage of a case's account or of a message (the case's reviewers).")
        {
            id, actAs, details, message, passage, reason,
        };
        redact.SetAction((parse, ct) =>
        {
            var isDetails = parse.GetValue(details);
            var messageId = parse.GetValue(message);
            if (isDetails == messageId is not null)
            {
                return Task.FromResult(runner.UsageError("give exactly one of --details or --message MESSAGE_ID."));
            }

            var target = isDetails ? RedactContent.Details : messageId!.Value.ToString();
            return runner.SendAsync(parse, parse.GetValue(actAs), new RedactContent(parse.GetValue(id)!, target, parse.GetValue(passage) ?? "", parse.GetValue(reason) ?? ""),
                (r, o) => o.WriteLine($"Redacted in case {r.Reference}'s {(r.MessageId is null ? "account" : $"message {r.MessageId}")}; recorded as event {r.EventSeq}."), ct);
        });
        return redact;
    }
}
