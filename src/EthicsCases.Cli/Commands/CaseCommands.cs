using System.CommandLine;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Messages;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics case show|list|fire|message|acknowledge|hold|release|redact|export</c>, acting as a directory person under the web app's rules.</summary>
public static class CaseCommands
{
    /// <summary>Builds the <c>case</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var group = new Command("case", "Cases, as a directory person sees and moves them.");
        group.Subcommands.Add(Show(runner));
        group.Subcommands.Add(List(runner));
        group.Subcommands.Add(Fire(runner));
        group.Subcommands.Add(Message(runner));
        group.Subcommands.Add(Acknowledge(runner));
        DeterminationCommands.AddTo(group, runner);
        group.Subcommands.Add(ReportCommands.Export(runner));
        RetentionCommands.AddTo(group, runner);
        return group;
    }

    /// <summary>The <c>--as EMAIL</c> option every case command needs.</summary>
    public static Option<string> As() => new("--as") { Required = true, Description = "Act as this directory person (e-mail)." };

    /// <summary>
    /// <c>--limit N</c> and <c>--after CURSOR</c> of every list command: either prints one page as <c>{"items","next"}</c>
    /// under <c>--json</c>; without both, the command prints the whole list (a JSON array).
    /// </summary>
    public static (Option<int?> Limit, Option<string?> After) PagingOptions() => (
        new Option<int?>("--limit") { Description = $"Print one page of at most this many rows (1 to {EthicsCases.Common.Paging.MaxLimit}) and the cursor of the next." },
        new Option<string?>("--after") { Description = "Print the page after this cursor (the \"next\" of the previous page)." });

    /// <summary>The case id or reference argument.</summary>
    public static Argument<string> Id() => new("ID") { Description = "Case id or reference (EC-YYYY-NNNN)." };

    private static Command Show(CommandRunner runner)
    {
        var id = Id();
        var actAs = As();
        var show = new Command("show", "Show a case with its history.") { id, actAs };
        show.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new ShowCase(parse.GetValue(id)!), PrintCase, ct));
        return show;
    }

    private static Command List(CommandRunner runner)
    {
        var actAs = As();
        var (limit, after) = PagingOptions();
        var list = new Command("list", "List the cases this person may see, oldest first (every case, or one page with --limit/--after).") { actAs, limit, after };
        list.SetAction((parse, ct) => runner.ListAsync(parse, parse.GetValue(actAs), parse.GetValue(limit), parse.GetValue(after),
            (l, a) => new ListCases(null, l, a),
            (c, o) => o.WriteLine($"{c.Reference,-13} {c.State + (c.Outcome is null ? "" : $" ({c.Outcome})"),-22} {c.Category,-26} {c.Summary}"), ct,
            header: o => o.WriteLine($"{"reference",-13} {"state",-22} {"category",-26} summary"),
            footer: (n, o) => o.WriteLine($"{n} case(s).")));
        return list;
    }

    private static Command Fire(CommandRunner runner)
    {
        var id = Id();
        var trigger = new Argument<string>("TRIGGER")
        {
            Description = "Accept, Dismiss, ReferToAuditCommittee, CloseNoViolation, RequestBoardDetermination or Reopen.",
        };
        var actAs = As();
        var reason = new Option<string?>("--reason") { Description = "Why (required for Dismiss, ReferToAuditCommittee, CloseNoViolation, Reopen)." };
        var fire = new Command("fire", "Move a case along the SOP workflow.") { id, trigger, actAs, reason };
        fire.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new FireTrigger(parse.GetValue(id)!, parse.GetValue(trigger)!, parse.GetValue(reason)),
            (r, o) => o.WriteLine($"Case {r.CaseId} is now {r.State}{(r.Outcome is null ? "" : $" ({r.Outcome})")}."), ct));
        return fire;
    }

    private static Command Message(CommandRunner runner)
    {
        var id = Id();
        var actAs = As();
        var text = new Option<string>("--text") { Required = true, Description = "The message." };
        var shared = new Option<bool>("--shared") { Description = "Share with the reporter (reviewers; the reporter's messages always are)." };
        var feedback = new Option<bool>("--feedback") { Description = "Mark the shared message as the reporter's feedback (meets the Feedback deadline)." };
        var message = new Command("message", "Write in the case's thread; prints {\"messageId\",\"sharedWithReporter\"}.") { id, actAs, text, shared, feedback };
        message.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new PostMessage(parse.GetValue(id)!, parse.GetValue(text)!, parse.GetValue(shared), parse.GetValue(feedback)),
            (r, o) => o.WriteLine(r.SharedWithReporter ? "Message shared with the reporter." : "Note added (reviewers only)."), ct));
        return message;
    }

    private static Command Acknowledge(CommandRunner runner)
    {
        var id = Id();
        var actAs = As();
        var acknowledge = new Command("acknowledge", "Acknowledge receipt to the reporter; prints {\"caseId\",\"reference\",\"acknowledgedAt\"}.") { id, actAs };
        acknowledge.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new AcknowledgeReport(parse.GetValue(id)!),
            (r, o) => o.WriteLine($"{r.Reference} acknowledged to the reporter at {r.AcknowledgedAt:yyyy-MM-dd HH:mm} UTC."), ct));
        return acknowledge;
    }

    private static void PrintCase(CaseDetail c, TextWriter o)
    {
        o.WriteLine($"{c.Reference}  {c.Category}  {c.State}{(c.Outcome is null ? "" : $" ({c.Outcome})")}");
        o.WriteLine($"  {c.Summary}");
        o.WriteLine($"  routed to: {string.Join(", ", c.RoutedTo)}{(c.GeneralCounselRecused ? " (General Counsel recused)" : "")}");
        o.WriteLine($"  subjects:  {(c.Subjects.Count == 0 ? "none" : string.Join(", ", c.Subjects.Select(s => $"{s.Name} <{s.Email}>")))}");
        o.WriteLine($"  you may:   {(c.PermittedTriggers.Count == 0 ? "nothing now" : string.Join(", ", c.PermittedTriggers))}");
        if (c.Deadlines.Count > 0)
        {
            o.WriteLine("  deadlines:");
            foreach (var d in c.Deadlines)
            {
                var status = d.MetAt is { } met ? $"met {met:yyyy-MM-dd}{(d.Late ? " (late)" : "")}" : d.Overdue ? $"OVERDUE by {d.DaysPastDue} day(s)" : d.DueSoon ? "due soon" : "open";
                o.WriteLine($"    {d.Kind,-20} due {d.Due:yyyy-MM-dd}  {status}");
            }
        }

        o.WriteLine("  history:");
        foreach (var h in c.History)
        {
            o.WriteLine($"    {h.At:yyyy-MM-dd HH:mm} {h.Trigger,-26} {h.From ?? "",-20} -> {h.To ?? "",-20} {h.Actor ?? ""} {h.Reason ?? ""}");
        }
    }
}
