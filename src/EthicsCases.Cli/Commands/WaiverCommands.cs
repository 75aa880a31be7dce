using System.CommandLine;
using EthicsCases.Domain.Waivers;
using EthicsCases.Features.Waivers;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Cli.Commands;

/// <summary>
/// <c>ethics waiver ...</c>: the waiver register (SOX 406, Form 8-K Item 5.05) and implicit waivers; and
/// <c>ethics code ...</c>: amendments of the code, on the same disclosure clock.
/// </summary>
public static class WaiverCommands
{
    /// <summary>Builds the <c>waiver</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var group = new Command("waiver", "Waivers of the code for covered officers: request, decision, disclosure within four business days.");
        group.Subcommands.Add(Request(runner));
        group.Subcommands.Add(Decide(runner));
        group.Subcommands.Add(Disclose(runner));
        group.Subcommands.Add(Unpost(runner));
        group.Subcommands.Add(Disclosure(runner));
        group.Subcommands.Add(List(runner));
        group.Subcommands.Add(Scan(runner));
        group.Subcommands.Add(Proposals(runner));
        group.Subcommands.Add(Confirm(runner));
        group.Subcommands.Add(Dismiss(runner));
        return group;
    }

    /// <summary>Builds the <c>code</c> command group (amendments of the code).</summary>
    public static Command BuildCode(CommandRunner runner)
    {
        var group = new Command("code", "Amendments of the code (new SOP II-031 revisions), disclosed within four business days.");
        group.Subcommands.Add(Amend(runner));
        group.Subcommands.Add(AmendmentDisclose(runner));
        group.Subcommands.Add(AmendmentUnpost(runner));
        group.Subcommands.Add(Amendments(runner));
        return group;
    }

    private static Argument<Guid> WaiverId() => new("ID") { Description = "The waiver id." };

    private static Option<DateOnly?> Date(string name, string description) => new(name) { Required = true, Description = description };

    private static Option<string> Channel()
    {
        var channel = new Option<string>("--channel") { Required = true, Description = "8-K or website." };
        channel.AcceptOnlyFromAmong("8-K", "website");
        return channel;
    }

    private static Option<string?> Url() => new("--url") { Description = "The posting's address (required for website), or the filing's." };

    private static Command Request(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var person = new Option<string>("--person") { Required = true, Description = "The officer the waiver is for (e-mail)." };
        var provision = new Option<string>("--provision") { Required = true, Description = "The provision of the code to be waived." };
        var reason = new Option<string>("--reason") { Required = true, Description = "Why the waiver is asked for." };
        var request = new Command("request", "Ask for a waiver: an officer for themselves, or the General Counsel on an officer's behalf.")
        {
            actAs, person, provision, reason,
        };
        request.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new RequestWaiver(parse.GetValue(person)!, parse.GetValue(provision)!, parse.GetValue(reason)!),
            (w, o) => o.WriteLine($"Waiver {w.WaiverId} for {w.Person} is {w.State}."), ct));
        return request;
    }

    private static Command Decide(CommandRunner runner)
    {
        var id = WaiverId();
        var actAs = CaseCommands.As();
        var granted = new Option<string>("--granted") { Required = true, Description = "yes to grant, no to deny." };
        granted.AcceptOnlyFromAmong("yes", "no");
        var decided = Date("--decided", "The decision date (YYYY-MM-DD); a designee's designation must be in force that day.");
        var rationale = new Option<string>("--rationale") { Required = true, Description = "The reasons for the decision." };
        var decide = new Command("decide", "Grant or deny a waiver (a Board member, or a designee for waivers); a grant starts the disclosure clock.")
        {
            id, actAs, granted, decided, rationale,
        };
        decide.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new DecideWaiver(parse.GetValue(id), parse.GetValue(granted) == "yes", parse.GetValue(decided), parse.GetValue(rationale)!),
            (d, o) => o.WriteLine($"Waiver {d.WaiverId} is {d.State} as of {d.Decided:yyyy-MM-dd} (decided as {d.DecidedAs})." +
                (d.DisclosureDue is { } due ? $" Disclose by {due:yyyy-MM-dd}." : "")), ct));
        return decide;
    }

    private static Command Disclose(CommandRunner runner)
    {
        var id = WaiverId();
        var actAs = CaseCommands.As();
        var on = Date("--on", "The filing or posting date (YYYY-MM-DD).");
        var channel = Channel();
        var url = Url();
        var disclose = new Command("disclose", "Record the disclosure of a granted waiver on Form 8-K or the website (General Counsel, Audit Committee).")
        {
            id, actAs, on, channel, url,
        };
        disclose.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new RecordWaiverDisclosure(parse.GetValue(id), parse.GetValue(on), parse.GetValue(channel)!, parse.GetValue(url)), PrintDisclosure, ct));
        return disclose;
    }

    private static Command Unpost(CommandRunner runner)
    {
        var id = WaiverId();
        var actAs = CaseCommands.As();
        var on = Date("--on", "The day the website posting came down (YYYY-MM-DD).");
        var unpost = new Command("unpost", "Record that a waiver's website posting came down; warns when that is before twelve months.") { id, actAs, on };
        unpost.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new RecordWaiverPostingRemoval(parse.GetValue(id), parse.GetValue(on)), PrintDisclosure, ct));
        return unpost;
    }

    private static void PrintDisclosure(WaiverDisclosure d, TextWriter o)
    {
        o.WriteLine($"Waiver {d.WaiverId} is {d.State}: disclosed {d.DisclosedOn:yyyy-MM-dd} by {d.Channel}, due {d.DisclosureDue:yyyy-MM-dd}, " +
            (d.Late == true ? "LATE." : "on time."));
        if (d.PostingRemovedOn is { } removed)
        {
            o.WriteLine($"  posting removed {removed:yyyy-MM-dd}; it had to stay up until {d.KeepPostedUntil:yyyy-MM-dd}.");
        }

        if (d.Warning is { } warning)
        {
            o.WriteLine($"  WARNING: {warning}");
        }
    }

    private static Command Disclosure(CommandRunner runner)
    {
        var id = WaiverId();
        var actAs = CaseCommands.As();
        var output = new Option<FileInfo>("--out") { Required = true, Description = "Where to write the draft; a .pdf name writes a PDF, any other the text." };
        var variant = new Option<string>("--variant") { Description = "8-K (default) or website.", DefaultValueFactory = _ => "8-K" };
        variant.AcceptOnlyFromAmong("8-K", "website");
        var disclosure = new Command("disclosure", "Write the Item 5.05 disclosure draft of a granted waiver for counsel to edit (audited).")
        {
            id, actAs, output, variant,
        };
        disclosure.SetAction((parse, ct) => runner.RunAsync(parse, parse.GetValue(actAs), async (services, token) =>
        {
            var file = parse.GetValue(output)!;
            var pdf = string.Equals(file.Extension, ".pdf", StringComparison.OrdinalIgnoreCase);
            var draft = await services.GetRequiredService<IMediator>().Send(new GetWaiverDisclosureDraft(parse.GetValue(id), parse.GetValue(variant)!, pdf), token);
            var bytes = pdf ? draft.Pdf! : System.Text.Encoding.UTF8.GetBytes(draft.Text);
            await File.WriteAllBytesAsync(file.FullName, bytes, token);
            return new DraftWritten(draft.WaiverId, draft.Variant, pdf ? "pdf" : "text", file.FullName, bytes.Length);
        }, (w, o) => o.WriteLine($"Wrote the {w.Variant} draft of waiver {w.WaiverId} to {w.File} ({w.Bytes} bytes, {w.Format})."), ct));
        return disclosure;
    }

    /// <summary>What <c>waiver disclosure</c> prints.</summary>
    public sealed record DraftWritten(Guid WaiverId, string Variant, string Format, string File, int Bytes);

    private static Command List(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var list = new Command("list", "The waiver register as you may see it, with due dates, lateness and findings.") { actAs };
        list.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new ListWaivers(), (rows, o) =>
        {
            foreach (var w in rows)
            {
                o.WriteLine($"{w.WaiverId}  {w.Person,-28} {w.State,-9} decided {Day(w.Decided)}  due {Day(w.DisclosureDue)}  disclosed {Day(w.Disclosed)}" +
                    (w.Late == true ? "  LATE" : "") + (w.Implicit ? "  (implicit)" : "") + $"  {w.Provision}");
                foreach (var f in w.Findings)
                {
                    o.WriteLine($"    {f.Code}: {f.Message}");
                }
            }

            o.WriteLine($"{rows.Count} waiver{(rows.Count == 1 ? "" : "s")}.");
        }, ct));
        return list;
    }

    private static Command Scan(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var scan = new Command("scan", "Propose implicit waivers: cases about officers closed with a violation and no action, or left without action (Waivers:ImplicitAfterDays).")
        {
            actAs,
        };
        scan.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new ProposeImplicitWaivers(), (s, o) =>
        {
            o.WriteLine($"{s.Proposed} new proposal{(s.Proposed == 1 ? "" : "s")} (left without action: more than {s.AfterDays} days).");
            PrintProposals(s.Proposals, o);
        }, ct));
        return scan;
    }

    private static Command Proposals(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var all = new Option<bool>("--all") { Description = "Include confirmed and dismissed proposals." };
        var proposals = new Command("proposals", "Implicit-waiver proposals awaiting the General Counsel.") { actAs, all };
        proposals.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new ListImplicitWaiverProposals(parse.GetValue(all)),
            (rows, o) => PrintProposals(rows, o), ct));
        return proposals;
    }

    private static void PrintProposals(IReadOnlyList<ProposalRow> rows, TextWriter o)
    {
        foreach (var p in rows)
        {
            o.WriteLine($"{p.ProposalId}  {p.Reference}  {p.Person,-28} {p.Trigger,-22} since {p.Since:yyyy-MM-dd}  {p.State}");
        }
    }

    private static Command Confirm(CommandRunner runner)
    {
        var id = new Argument<Guid>("PROPOSAL") { Description = "The proposal id." };
        var actAs = CaseCommands.As();
        var reason = new Option<string>("--reason") { Required = true, Description = "Why this is an implicit waiver." };
        var provision = new Option<string?>("--provision") { Description = "The provision departed from; default: the SOP clause of the case's category." };
        var confirm = new Command("confirm", "Confirm a proposal: records an implicit waiver, granted today, with the disclosure clock from today.")
        {
            id, actAs, reason, provision,
        };
        confirm.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new ConfirmImplicitWaiver(parse.GetValue(id), parse.GetValue(reason)!, parse.GetValue(provision)),
            (d, o) => o.WriteLine($"Proposal {d.ProposalId} {d.State}: implicit waiver {d.WaiverId}, disclose by {d.DisclosureDue:yyyy-MM-dd}."), ct));
        return confirm;
    }

    private static Command Dismiss(CommandRunner runner)
    {
        var id = new Argument<Guid>("PROPOSAL") { Description = "The proposal id." };
        var actAs = CaseCommands.As();
        var reason = new Option<string>("--reason") { Required = true, Description = "Why this is not an implicit waiver." };
        var dismiss = new Command("dismiss", "Dismiss an implicit-waiver proposal with a reason.") { id, actAs, reason };
        dismiss.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new DismissImplicitWaiverProposal(parse.GetValue(id), parse.GetValue(reason)!),
            (d, o) => o.WriteLine($"Proposal {d.ProposalId} {d.State}."), ct));
        return dismiss;
    }

    private static Command Amend(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var revision = new Option<string>("--revision") { Required = true, Description = "The new revision's label, e.g. 3.0." };
        var adopted = Date("--adopted", "The adoption date (YYYY-MM-DD); the clock starts here.");
        var summary = new Option<string>("--summary") { Required = true, Description = "What changed." };
        var amend = new Command("amend", "Record an amendment of the code (a new SOP II-031 revision) and start its disclosure clock.")
        {
            actAs, revision, adopted, summary,
        };
        amend.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new RecordCodeAmendment(parse.GetValue(revision)!, parse.GetValue(adopted), parse.GetValue(summary)!), PrintAmendment, ct));
        return amend;
    }

    private static Command AmendmentDisclose(CommandRunner runner)
    {
        var id = new Argument<string>("REVISION") { Description = "The amendment's revision label or id." };
        var actAs = CaseCommands.As();
        var on = Date("--on", "The filing or posting date (YYYY-MM-DD).");
        var channel = Channel();
        var url = Url();
        var disclose = new Command("disclose", "Record the disclosure of an amendment on Form 8-K or the website.") { id, actAs, on, channel, url };
        disclose.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new RecordAmendmentDisclosure(parse.GetValue(id)!, parse.GetValue(on), parse.GetValue(channel)!, parse.GetValue(url)), PrintAmendment, ct));
        return disclose;
    }

    private static Command AmendmentUnpost(CommandRunner runner)
    {
        var id = new Argument<string>("REVISION") { Description = "The amendment's revision label or id." };
        var actAs = CaseCommands.As();
        var on = Date("--on", "The day the website posting came down (YYYY-MM-DD).");
        var unpost = new Command("unpost", "Record that an amendment's website posting came down; warns when before twelve months.") { id, actAs, on };
        unpost.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new RecordAmendmentPostingRemoval(parse.GetValue(id)!, parse.GetValue(on)), PrintAmendment, ct));
        return unpost;
    }

    private static Command Amendments(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var list = new Command("amendments", "The amendments of the code and their disclosure.") { actAs };
        list.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new ListCodeAmendments(), (rows, o) =>
        {
            foreach (var a in rows)
            {
                PrintAmendment(a, o);
            }
        }, ct));
        return list;
    }

    private static void PrintAmendment(AmendmentRow a, TextWriter o)
    {
        o.WriteLine($"Revision {a.Revision} adopted {a.Adopted:yyyy-MM-dd}: due {Day(a.DisclosureDue)}, disclosed {Day(a.Disclosed)}" +
            (a.Channel is null ? "" : $" by {a.Channel}") + (a.Late == true ? "  LATE" : ""));
        foreach (var f in a.Findings)
        {
            o.WriteLine($"    {f.Code}: {f.Message}");
        }
    }

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-         ";
}
