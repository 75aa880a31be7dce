using System.CommandLine;
using EthicsCases.Features.Cases;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics case show|list|fire|hold|release|redact</c>, acting as a directory person under the web app's rules.</summary>
public static class CaseCommands
{
    /// <summary>Builds the <c>case</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var group = new Command("case", "Cases, as a directory person sees and moves them.");
        group.Subcommands.Add(Show(runner));
        group.Subcommands.Add(List(runner));
        group.Subcommands.Add(Fire(runner));
        DeterminationCommands.AddTo(group, runner);
        RetentionCommands.AddTo(group, runner);
        return group;
    }

    /// <summary>The <c>--as EMAIL</c> option every case command needs.</summary>
    public static Option<string> As() => new("--as") { Required = true, Description = "Act as this directory person (e-mail)." };

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
        var list = new Command("list", "List the cases this person may see.") { actAs };
        list.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new ListCases(), (cases, o) =>
        {
            o.WriteLine($"{"reference",-13} {"state",-22} {"category",-26} summary");
            foreach (var c in cases)
            {
                o.WriteLine($"{c.Reference,-13} {c.State + (c.Outcome is null ? "" : $" ({c.Outcome})"),-22} {c.Category,-26} {c.Summary}");
            }

            o.WriteLine($"{cases.Count} case(s).");
        }, ct));
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

    private static void PrintCase(CaseDetail c, TextWriter o)
    {
        o.WriteLine($"{c.Reference}  {c.Category}  {c.State}{(c.Outcome is null ? "" : $" ({c.Outcome})")}");
        o.WriteLine($"  {c.Summary}");
        o.WriteLine($"  routed to: {string.Join(", ", c.RoutedTo)}{(c.GeneralCounselRecused ? " (General Counsel recused)" : "")}");
        o.WriteLine($"  subjects:  {(c.Subjects.Count == 0 ? "none" : string.Join(", ", c.Subjects.Select(s => $"{s.Name} <{s.Email}>")))}");
        o.WriteLine($"  you may:   {(c.PermittedTriggers.Count == 0 ? "nothing now" : string.Join(", ", c.PermittedTriggers))}");
        o.WriteLine("  history:");
        foreach (var h in c.History)
        {
            o.WriteLine($"    {h.At:yyyy-MM-dd HH:mm} {h.Trigger,-26} {h.From ?? "",-20} -> {h.To ?? "",-20} {h.Actor ?? ""} {h.Reason ?? ""}");
        }
    }
}
