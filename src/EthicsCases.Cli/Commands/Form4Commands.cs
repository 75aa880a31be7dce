using System.CommandLine;
using System.Text.Json.Nodes;
using EthicsCases.Domain.Filings;
using EthicsCases.Features.Form4;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics form4 check|import|item405|review</c>: Section 16 filings (issue 5).</summary>
public static class Form4Commands
{
    /// <summary>Builds the <c>form4</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return new Command("form4", "Section 16 ownership filings (Forms 3, 4, 5): check, import, Item 405 report, owner review.")
        {
            Check(runner), Import(runner), Item405(runner), Review(runner),
        };
    }

    private static Option<string?> FiledOption() => new("--filed")
    {
        Description = "When the filing was transmitted, Eastern: YYYY-MM-DD or YYYY-MM-DDTHH:MM (wins over a submission header).",
    };

    private static Argument<string[]> FilesArgument() => new("FILE")
    {
        Description = "EDGAR ownershipDocument XML, a full EDGAR submission .txt, or the text of a PDF form.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>No database: parses and checks each file; a bad file is reported and the rest carry on (exit 1).</summary>
    private static Command Check(CommandRunner runner)
    {
        var files = FilesArgument();
        var filed = FiledOption();
        var command = new Command("check", "Parse and check filings; prints one object per file (CONTRACT.md). No database is used.") { files, filed };
        command.SetAction(parse =>
        {
            if (!TryFiled(parse.GetValue(filed), out var filedAt, out var usage)) return runner.UsageError(usage);
            var options = KnownIssuers.Default.CheckOptions;
            var output = new JsonArray();
            var failed = 0;
            foreach (var path in parse.GetValue(files) ?? [])
            {
                try
                {
                    var result = Form4Checker.Check(path, filedAt, options);
                    output.Add(JsonNode.Parse(result.ToJson()));
                    if (!Json(parse)) PrintHuman(runner.Out, result);
                }
                catch (FilingParseException e)
                {
                    failed++;
                    runner.Err.WriteLine($"ethics: {path}: {e.Message}");
                    output.Add(Form4CheckResult.Unreadable(path, e.Message));
                }
            }

            if (Json(parse)) runner.Out.WriteLine(output.ToJsonString());
            return failed == 0 ? EthicsCli.Ok : EthicsCli.Rejected;
        });
        return command;
    }

    /// <summary>Stores the filings and files concerns; exit 1 when any file failed (the good ones are stored).</summary>
    private static Command Import(CommandRunner runner)
    {
        var files = FilesArgument();
        var filed = FiledOption();
        var actAs = new Option<string?>("--as") { Description = "File the concerns as this directory person (default: the system, \"Form 4 monitor\")." };
        var command = new Command("import", "Import filings; prints {\"imported\",\"concernsFiled\",\"skipped\",\"errors\",\"needsReview\"}.") { files, filed, actAs };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryFiled(parse.GetValue(filed), out var filedAt, out var usage)) return runner.UsageError(usage);
            var readable = new List<Form4File>();
            var unreadable = new List<Form4ImportError>();
            var maxBytes = FilingParserOptions.Default.MaxBytes;
            foreach (var path in parse.GetValue(files) ?? [])
            {
                var info = new FileInfo(path);
                if (!info.Exists) unreadable.Add(new Form4ImportError(path, $"File not found: {path}"));
                else if (info.Length > maxBytes) unreadable.Add(new Form4ImportError(path, $"Too large: {info.Length} bytes exceeds the {maxBytes}-byte limit per filing."));
                else readable.Add(new Form4File(path, await File.ReadAllBytesAsync(path, ct)));
            }

            var anyFailed = false;
            var code = await runner.RunAsync(parse, parse.GetValue(actAs), async (services, token) =>
            {
                var result = readable.Count == 0
                    ? new ImportForm4Result(0, [], [], [], [], [])
                    : await services.GetRequiredService<IMediator>().Send(new ImportForm4(readable, filedAt), token);
                result = result with { Errors = [.. unreadable, .. result.Errors] };
                anyFailed = result.Errors.Count > 0;
                foreach (var error in result.Errors)
                {
                    await runner.Err.WriteLineAsync($"ethics: {error.File}: {error.Reason}");
                }

                return result;
            }, PrintHuman, ct);
            return code == EthicsCli.Ok && anyFailed ? EthicsCli.Rejected : code;
        });
        return command;
    }

    private static Command Item405(CommandRunner runner)
    {
        var year = new Option<int>("--year") { Required = true, Description = "Calendar year in which the fiscal year ends." };
        var fiscalYearEnd = new Option<string?>("--fiscal-year-end") { Description = "MM-DD (default 12-31)." };
        var command = new Command("item405", "Delinquent Section 16(a) reports (Reg S-K Item 405) for a fiscal year, from the imported filings.") { year, fiscalYearEnd };
        command.SetAction((parse, ct) => runner.SendAsync(parse, null, new GetItem405Report(parse.GetValue(year), parse.GetValue(fiscalYearEnd)),
            (r, o) =>
            {
                o.WriteLine($"Item 405, fiscal year {r.FiscalYearStart:yyyy-MM-dd} to {r.FiscalYearEnd:yyyy-MM-dd} ({r.Filings} filings):");
                if (r.People.Count == 0) o.WriteLine("  no delinquent Section 16(a) reports.");
                foreach (var p in r.People)
                {
                    o.WriteLine($"  {p.Name}: {p.LateReports} late report(s), {p.LateTransactions} late transaction(s), {p.KnownFailuresToFile} known failure(s) to file");
                    foreach (var d in p.Details) o.WriteLine($"    {d}");
                }
            }, ct));
        return command;
    }

    private static Command Review(CommandRunner runner)
    {
        var command = new Command("review", "Reporting owners of imported filings that need a directory match.");
        command.SetAction((parse, ct) => runner.SendAsync(parse, null, new ListForm4Review(),
            (r, o) =>
            {
                if (r.Count == 0) o.WriteLine("Every reporting owner is linked to the directory.");
                foreach (var item in r) o.WriteLine($"{item.Name} (CIK {item.Cik ?? "unknown"}, {item.Filings} filing(s)): {item.Match}. {item.Reason}");
            }, ct));
        return command;
    }

    private static bool Json(ParseResult parse) =>
        parse.RootCommandResult.Command.Options.OfType<Option<bool>>().FirstOrDefault(o => o.Name == "--json") is { } json && parse.GetValue(json);

    private static bool TryFiled(string? text, out FilingTime? filed, out string usage)
    {
        filed = null;
        usage = "";
        if (text is null) return true;
        try
        {
            filed = FilingTime.Parse(text);
            return true;
        }
        catch (FormatException e)
        {
            usage = $"--filed: {e.Message}";
            return false;
        }
    }


    private static void PrintHuman(TextWriter o, Form4CheckResult r)
    {
        var owners = string.Join(", ", r.ReportingOwners.Select(x => x.Name));
        var late = r.Late switch { true => $"LATE by {r.BusinessDaysLate} business day(s)", false => "on time", null => "filed date unknown" };
        o.WriteLine($"{r.File}: Form {r.DocumentType}, {r.Issuer.Name} ({r.Issuer.Ticker}), {owners}; due {r.Due:yyyy-MM-dd}, filed {r.Filed?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}: {late}.");
        foreach (var f in r.Findings) o.WriteLine($"  [{f.Code}] {f.Message}");
    }

    private static void PrintHuman(ImportForm4Result r, TextWriter o)
    {
        o.WriteLine($"Imported {r.Imported} filing(s); {r.Skipped.Count} already imported; {r.Errors.Count} failed; {r.ConcernsFiled.Count} concern(s) filed.");
        foreach (var f in r.Filings) o.WriteLine($"  {f.File}: Form {f.DocumentType}, {f.Issuer}; findings: {(f.Findings.Count == 0 ? "none" : string.Join(", ", f.Findings))}");
        foreach (var item in r.NeedsReview) o.WriteLine($"  needs a directory match: {item.Name} ({item.Match}) in {item.File}");
    }
}
