using System.CommandLine;
using EthicsCases.Features.Advice;
using EthicsCases.Common;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics advice add|list</c>: the General Counsel's ledger of advice given.</summary>
public static class AdviceCommands
{
    /// <summary>Builds the <c>advice</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var group = new Command("advice", "Advice the General Counsel gave on the proper course of action (a factor of every determination).");
        group.Subcommands.Add(Add(runner));
        group.Subcommands.Add(List(runner));
        return group;
    }

    private static Command Add(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var person = new Option<string>("--person") { Required = true, Description = "The person advised (e-mail)." };
        var category = new Option<string>("--category") { Required = true, Description = "What the advice was about, as a concern category." };
        var date = new Option<DateOnly?>("--date") { Required = true, Description = "When the advice was given (YYYY-MM-DD)." };
        var summary = new Option<string>("--summary") { Required = true, Description = "What the person was told." };
        var add = new Command("add", "Record advice given (General Counsel only).") { actAs, person, category, date, summary };
        add.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs),
            new RecordAdvice(parse.GetValue(person)!, parse.GetValue(category)!, parse.GetValue(date), parse.GetValue(summary)!),
            (a, o) => o.WriteLine($"Recorded advice to {a.PersonEmail} on {a.Category} given {a.Date:yyyy-MM-dd} ({a.AdviceId})."), ct));
        return add;
    }

    private static Command List(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var person = new Option<string?>("--person") { Description = "Only advice to this person (e-mail)." };
        var (limit, after) = CaseCommands.PagingOptions();
        var list = new Command("list", "List the ledger (General Counsel and Audit Committee).") { actAs, person, limit, after };
        list.SetAction((parse, ct) => runner.ListAsync(parse, parse.GetValue(actAs), parse.GetValue(limit), parse.GetValue(after),
            (l, a) => new ListAdvice(parse.GetValue(person), l, a), Print, ct, footer: (n, o) => o.WriteLine($"{n} entr{(n == 1 ? "y" : "ies")}.")));
        return list;
    }

    private static void Print(AdviceEntry a, TextWriter o) =>
        o.WriteLine($"{a.Date:yyyy-MM-dd} {a.PersonEmail,-30} {a.Category,-26} {a.Summary}  (recorded by {a.RecordedBy})");
}
