using System.CommandLine;
using EthicsCases.Features.Concerns;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics concern file</c>.</summary>
public static class ConcernCommands
{
    /// <summary>Builds the <c>concern</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var category = new Option<string>("--category")
        {
            Required = true,
            Description = "DisclosureMatter, BooksAndRecords, InternalControlDeficiency, Fraud, CodeOfEthicsViolation or SecuritiesLawViolation.",
        };
        var summary = new Option<string>("--summary") { Required = true, Description = "One-line summary." };
        var details = new Option<string?>("--details") { Description = "The full account." };
        var reporter = new Option<string>("--reporter") { Required = true, Description = "E-mail of the person filing." };
        var subject = new Option<string[]>("--subject") { Description = "E-mail of a person the concern is about (repeatable)." };
        var incidentDate = new Option<DateOnly?>("--incident-date") { Description = "When it happened (YYYY-MM-DD), if known; not after today." };
        var file = new Command("file", "File a concern; prints {\"caseId\",\"reference\",\"state\",\"routedTo\"}.")
        {
            category, summary, details, reporter, subject, incidentDate,
        };
        file.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(reporter),
            new FileConcern(parse.GetValue(category)!, parse.GetValue(summary)!, parse.GetValue(details), parse.GetValue(subject) ?? [], parse.GetValue(incidentDate)),
            (r, o) => o.WriteLine($"Filed {r.Reference} ({r.CaseId}) in {r.State}, routed to {string.Join(" and ", r.RoutedTo)}."), ct));
        return new Command("concern", "Raise a concern under SOP II-031.") { file };
    }
}
