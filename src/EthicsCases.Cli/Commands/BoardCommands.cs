using System.CommandLine;
using EthicsCases.Features.Board;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics board designate|designations</c>: the Board's designees.</summary>
public static class BoardCommands
{
    /// <summary>Builds the <c>board</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var group = new Command("board", "The Board of Directors' designations of persons to decide in its place.");
        group.Subcommands.Add(Designate(runner));
        group.Subcommands.Add(Designations(runner));
        return group;
    }

    private static Command Designate(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var person = new Option<string?>("--person") { Description = "The designee (e-mail)." };
        var auditCommittee = new Option<bool>("--audit-committee") { Description = "Designate the Audit Committee as a body instead of a person." };
        var matters = new Option<string[]>("--matters")
        {
            Required = true,
            AllowMultipleArgumentsPerToken = false,
            Description = "determinations, waivers or both (repeat, or separate with commas).",
        };
        var from = new Option<DateOnly?>("--from") { Required = true, Description = "First day in force (YYYY-MM-DD)." };
        var to = new Option<DateOnly?>("--to") { Required = true, Description = "Last day in force, inclusive (YYYY-MM-DD); it stops working the next day." };
        var resolution = new Option<DateOnly?>("--resolution") { Required = true, Description = "The date of the Board's resolution (YYYY-MM-DD)." };
        var designate = new Command("designate", "Record a Board designation (Board chair).") { actAs, person, auditCommittee, matters, from, to, resolution };
        designate.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new RecordDesignation(parse.GetValue(person), parse.GetValue(auditCommittee), parse.GetValue(matters) ?? [], parse.GetValue(from),
                parse.GetValue(to), parse.GetValue(resolution)),
            Print, ct));
        return designate;
    }

    private static Command Designations(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var list = new Command("designations", "The Board's designations, newest resolution first.") { actAs };
        list.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new ListDesignations(), (rows, o) =>
        {
            foreach (var d in rows)
            {
                Print(d, o);
            }
        }, ct));
        return list;
    }

    private static void Print(DesignationRow d, TextWriter o) =>
        o.WriteLine($"{d.DesignationId}  {d.Person ?? d.Body}  {string.Join(",", d.Matters)}  {d.From:yyyy-MM-dd}..{d.To:yyyy-MM-dd}  " +
            $"resolution {d.Resolution:yyyy-MM-dd}{(d.InForce ? "  (in force)" : "")}");
}
