using System.CommandLine;
using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Determinations;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics case determine|context|notice</c>: recording the Board's determination and its written notice.</summary>
public static class DeterminationCommands
{
    /// <summary>Adds the determination commands to the <c>case</c> group.</summary>
    public static void AddTo(Command caseGroup, CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(caseGroup);
        caseGroup.Subcommands.Add(Determine(runner));
        caseGroup.Subcommands.Add(Context(runner));
        caseGroup.Subcommands.Add(NoticeCommand(runner));
    }

    private static Command Determine(CommandRunner runner)
    {
        var id = CaseCommands.Id();
        var actAs = CaseCommands.As();
        var violation = new Option<string>("--violation") { Required = true, Description = "Did the Board determine that there has been a violation: yes or no." };
        violation.AcceptOnlyFromAmong("yes", "no");
        var sanction = new Option<string[]>("--sanction")
        {
            // One value per --sanction: taking several per token would swallow an unknown option such as --prior-violations.
            Description = $"An action the Board chose (repeat --sanction for several): {string.Join(", ", Enum.GetNames<Sanction>())}. " +
                "Without one, the Board adopts the calculator's recommendation.",
        };
        var severity = new Option<int?>("--severity") { Description = "Nature and severity, 1 (least) to 5 (most); required with --violation yes." };
        var occurrences = new Option<int?>("--occurrences") { Description = "How many times it occurred (1 = single); required with --violation yes." };
        var intent = new Option<string?>("--intent") { Description = $"{IntentScale.AllowedValues}; required with --violation yes." };
        var advised = new Option<string?>("--advised") { Description = "yes or no; default: what the prior-advice ledger shows." };
        var advisedReason = new Option<string?>("--advised-reason") { Description = "Why --advised differs from the prior-advice ledger (required then)." };
        var reason = new Option<string?>("--reason") { Description = "Why the actions depart from the recommendation (required then)." };
        var rationale = new Option<string?>("--rationale") { Description = "The Board's reasons, for the record and the written notice." };
        var subject = new Option<string?>("--subject") { Description = "The individual (e-mail), when the case names several subjects." };
        var meeting = new Option<DateOnly?>("--meeting") { Description = "Date of the Board meeting (YYYY-MM-DD); default today." };
        var suspensionFrom = new Option<DateOnly?>("--suspension-from") { Description = "First day of the suspension chosen." };
        var suspensionTo = new Option<DateOnly?>("--suspension-to") { Description = "Last day of the suspension chosen." };
        var effective = new Option<DateOnly?>("--effective") { Description = "When a demotion or re-assignment takes effect." };
        var reassignment = new Option<string?>("--reassignment") { Description = "The new position on demotion or re-assignment." };
        var noAction = new Option<bool>("--no-action") { Description = "A violation was found and the Board takes no action (needs --reason); for an officer, an implicit-waiver proposal follows." };
        var determine = new Command("determine", "Record the Board's determination (Board member, Audit Committee, or the Board's designee for determinations); prints the recommendation and whether the actions depart from it.")
        {
            id, actAs, violation, sanction, severity, occurrences, intent, advised, advisedReason, reason, rationale, subject, meeting,
            suspensionFrom, suspensionTo, effective, reassignment, noAction,
        };
        determine.SetAction((parse, ct) => runner.RunAsync(parse, parse.GetValue(actAs), async (services, token) =>
        {
            var sanctions = Sanctions(parse.GetValue(sanction) ?? [], parse.GetValue(suspensionFrom), parse.GetValue(suspensionTo),
                parse.GetValue(effective), parse.GetValue(reassignment));
            return await services.GetRequiredService<IMediator>().Send(new DetermineCase(
                parse.GetValue(id)!, parse.GetValue(violation) == "yes", sanctions, parse.GetValue(severity), parse.GetValue(occurrences),
                parse.GetValue(intent), parse.GetValue(advised), parse.GetValue(advisedReason), parse.GetValue(reason), parse.GetValue(rationale),
                parse.GetValue(subject), parse.GetValue(meeting), parse.GetValue(noAction)), token);
        }, PrintDetermined, ct));
        return determine;
    }

    // Dates and details belong to the action they describe; naming them without that action is a mistake to report.
    private static List<DeterminedSanction> Sanctions(string[] names, DateOnly? suspensionFrom, DateOnly? suspensionTo, DateOnly? effective, string? reassignment)
    {
        var list = new List<DeterminedSanction>();
        foreach (var name in names)
        {
            var s = EnumNames.ParseField<Sanction>(name, "sanction");

            list.Add(s switch
            {
                Sanction.SuspensionWithPay or Sanction.SuspensionWithoutPay => new DeterminedSanction(s, suspensionFrom, suspensionTo),
                Sanction.DemotionOrReassignment => new DeterminedSanction(s, effective, null, string.IsNullOrWhiteSpace(reassignment) ? null : reassignment.Trim()),
                _ => new DeterminedSanction(s),
            });
        }

        if ((suspensionFrom is not null || suspensionTo is not null) && !list.Any(s => s.Sanction is Sanction.SuspensionWithPay or Sanction.SuspensionWithoutPay))
        {
            throw ValidationFailedException.For("suspension", "--suspension-from/--suspension-to need a suspension among the --sanction values.");
        }

        if ((effective is not null || reassignment is not null) && !list.Any(s => s.Sanction == Sanction.DemotionOrReassignment))
        {
            throw ValidationFailedException.For("reassignment", "--effective/--reassignment need DemotionOrReassignment among the --sanction values.");
        }

        return list;
    }

    private static void PrintDetermined(DeterminedCase d, TextWriter o)
    {
        o.WriteLine($"Case {d.Reference} is now {d.State} ({d.Outcome}).");
        if (d.DecidedBy is { } decidedBy)
        {
            o.WriteLine($"  {decidedBy}");
        }
        if (d.Recommendation is { } r)
        {
            o.WriteLine($"  individual:      {d.Subject}");
            o.WriteLine($"  prior violations: {d.PriorViolations}{(d.PriorViolationReferences.Count == 0 ? "" : $" ({string.Join(", ", d.PriorViolationReferences)})")}");
            o.WriteLine($"  recommendation:  {r} (score {d.Score:0.##}, policy {d.PolicyVersion})");
            o.WriteLine($"  actions:         {string.Join(", ", d.Sanctions)}{(d.DepartsFromRecommendation ? "  (departs from the recommendation)" : "")}");
            o.WriteLine($"  written notice:  {(d.NoticeAvailable ? $"ethics case notice {d.Reference} --as EMAIL --out FILE.pdf" : "none")}");
        }
    }

    private static Command Context(CommandRunner runner)
    {
        var id = CaseCommands.Id();
        var actAs = CaseCommands.As();
        var subject = new Option<string?>("--subject") { Description = "Only this subject (e-mail)." };
        var severity = new Option<int?>("--severity") { Description = "For a recommendation preview: nature and severity, 1 to 5." };
        var occurrences = new Option<int?>("--occurrences") { Description = "For a preview: occurrences." };
        var intent = new Option<string?>("--intent") { Description = $"For a preview: {IntentScale.AllowedValues}." };
        var advised = new Option<string?>("--advised") { Description = "For a preview: yes or no; default what the ledger shows." };
        var context = new Command("context", "What the records say before the Board decides: prior violations, prior advice, a preview and precedents.")
        {
            id, actAs, subject, severity, occurrences, intent, advised,
        };
        context.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new GetDeterminationContext(parse.GetValue(id)!,
            parse.GetValue(subject), parse.GetValue(severity), parse.GetValue(occurrences), parse.GetValue(intent), parse.GetValue(advised)),
            (c, o) =>
            {
                o.WriteLine($"{c.Reference}  {c.Category}  {c.State}");
                foreach (var i in c.Individuals)
                {
                    o.WriteLine($"  {i.Name} <{i.Email}>: prior violations {i.PriorViolations}" +
                        (i.PriorViolationCases.Count == 0 ? "" : $" ({string.Join(", ", i.PriorViolationCases.Select(p => p.Reference))})") +
                        $"; advised beforehand: {SanctionFactors.YesNo(i.Advised)}");
                    foreach (var a in i.PriorAdvice)
                    {
                        o.WriteLine($"    advice {a.Date:yyyy-MM-dd}: {a.Summary}");
                    }
                }

                if (c.Recommendation is { } r)
                {
                    o.WriteLine($"  recommendation: {r.Recommendation} (score {r.Score:0.##}, policy {r.PolicyVersion})");
                    foreach (var p in c.Precedents)
                    {
                        o.WriteLine($"  precedent {p.Reference} {p.DeterminedOn:yyyy-MM-dd} {p.Category} distance {p.Distance:0.##}: {string.Join(", ", p.Sanctions)}");
                    }
                }
            }, ct));
        return context;
    }

    private static Command NoticeCommand(CommandRunner runner)
    {
        var id = CaseCommands.Id();
        var actAs = CaseCommands.As();
        var output = new Option<FileInfo>("--out") { Required = true, Description = "Where to write the PDF." };
        var notice = new Command("notice", "Write the written notice of the Board's determination to a PDF (Audit Committee and Board; audited).")
        {
            id, actAs, output,
        };
        notice.SetAction((parse, ct) => runner.RunAsync(parse, parse.GetValue(actAs), async (services, token) =>
        {
            var n = await services.GetRequiredService<IMediator>().Send(new GetNotice(parse.GetValue(id)!), token);
            var file = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(file.FullName, n.Pdf, token);
            return new NoticeWritten(n.CaseId, n.Reference, file.FullName, n.Pdf.Length);
        }, (w, o) => o.WriteLine($"Wrote the written notice of {w.Reference} to {w.File} ({w.Bytes} bytes)."), ct));
        return notice;
    }

    /// <summary>What <c>case notice</c> prints.</summary>
    public sealed record NoticeWritten(Guid CaseId, string Reference, string File, int Bytes);
}
