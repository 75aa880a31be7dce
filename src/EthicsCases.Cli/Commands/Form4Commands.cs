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
        var command = new Command("check", "Parse and check filings; prints one object per file. No database is used.") { files, filed };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryFiled(parse.GetValue(filed), out var filedAt, out var usage)) return runner.UsageError(usage);
            var (found, missing) = await ReadAsync(parse.GetValue(files) ?? [], ct);
            var failed = false;
            var code = await runner.RunAsync(parse, null, async (services, token) =>
            {
                var results = found.Count == 0 ? [] : await services.GetRequiredService<IMediator>().Send(new CheckForm4(found, filedAt), token);
                var all = results.Concat(missing.Select(m => new Form4Checked(m.File, null, m.Reason))).ToList();
                foreach (var bad in all.Where(r => r.Error is not null))
                {
                    await runner.Err.WriteLineAsync($"ethics: {bad.File}: {bad.Error}");
                }

                failed = all.Any(r => r.Error is not null);
                return Form4Checked.ToJson(all);
            }, (json, o) =>
            {
                foreach (var node in json)
                {
                    if (node?["documentType"] is not null) PrintHuman(o, node);
                }
            }, ct, migrate: false);
            return code == EthicsCli.Ok && failed ? EthicsCli.Rejected : code;
        });
        return command;
    }

    /// <summary>Stores the filings and files concerns; exit 1 when any file failed (the good ones are stored).</summary>
    private static Command Import(CommandRunner runner)
    {
        var files = FilesArgument();
        var filed = FiledOption();
        var actAs = MonitorAs();
        var command = new Command("import", "Import filings; prints {\"imported\",\"concernsFiled\",\"skipped\",\"errors\",\"needsReview\"}.") { files, filed, actAs };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryFiled(parse.GetValue(filed), out var filedAt, out var usage)) return runner.UsageError(usage);
            var (found, missing) = await ReadAsync(parse.GetValue(files) ?? [], ct);
            var anyFailed = false;
            var code = await runner.RunAsync(parse, parse.GetValue(actAs), async (services, token) =>
            {
                var result = found.Count == 0
                    ? new ImportForm4Result(0, [], [], [], [], [])
                    : await services.GetRequiredService<IMediator>().Send(new ImportForm4(found, filedAt), token);
                result = result with { Errors = [.. missing, .. result.Errors] };
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

    // Importing and reading stored filings are the General Counsel's and the Audit Committee's (Form4Files.MonitorRoles),
    // checked in the pipeline as on the web; checking a file reads nothing stored and needs no one.
    private static Option<string> MonitorAs() => new("--as")
    {
        Required = true,
        Description = "Act as this directory person (General Counsel or Audit Committee); an import files its concerns as them.",
    };

    // The host's part: find the files and read them, never more than a filing may hold; the rules are the use case's.
    private static async Task<(List<Form4File> Found, List<Form4ImportError> Missing)> ReadAsync(IEnumerable<string> paths, CancellationToken ct)
    {
        var found = new List<Form4File>();
        var missing = new List<Form4ImportError>();
        foreach (var path in paths)
        {
            var info = new FileInfo(path);
            if (!info.Exists) missing.Add(new Form4ImportError(path, $"File not found: {path}"));
            else found.Add(info.Length > Form4Files.MaxBytes ? new Form4File(path, [], info.Length) : new Form4File(path, await File.ReadAllBytesAsync(path, ct)));
        }

        return (found, missing);
    }

    private static Command Item405(CommandRunner runner)
    {
        var year = new Option<int>("--year") { Required = true, Description = "Calendar year in which the fiscal year ends." };
        var fiscalYearEnd = new Option<string?>("--fiscal-year-end") { Description = "MM-DD (default 12-31)." };
        var actAs = MonitorAs();
        var command = new Command("item405", "Delinquent Section 16(a) reports (Reg S-K Item 405) for a fiscal year, from the imported filings.") { year, fiscalYearEnd, actAs };
        command.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new GetItem405Report(parse.GetValue(year), parse.GetValue(fiscalYearEnd)),
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
        var actAs = MonitorAs();
        var (limit, after) = CaseCommands.PagingOptions();
        var command = new Command("review", "Reporting owners of imported filings that need a directory match.") { actAs, limit, after };
        command.SetAction((parse, ct) => runner.ListAsync(parse, parse.GetValue(actAs), parse.GetValue(limit), parse.GetValue(after),
            (l, a) => new ListForm4Review(l, a),
            (item, o) => o.WriteLine($"{item.Name} (CIK {item.Cik ?? "unknown"}, {item.Filings} filing(s)): {item.Match}. {item.Reason}"), ct,
            footer: (n, o) =>
            {
                if (n == 0) o.WriteLine("Every reporting owner is linked to the directory.");
            }));
        return command;
    }

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


    private static void PrintHuman(TextWriter o, System.Text.Json.Nodes.JsonNode r)
    {
        var owners = string.Join(", ", r["reportingOwners"]!.AsArray().Select(x => (string?)x!["name"]));
        var late = (bool?)r["late"] switch
        {
            true => $"LATE by {(int?)r["businessDaysLate"]} business day(s)",
            false => "on time",
            null => "filed date unknown",
        };
        o.WriteLine($"{r["file"]}: Form {r["documentType"]}, {r["issuer"]?["name"]} ({r["issuer"]?["ticker"]}), {owners}; due {r["due"]}, filed {(string?)r["filed"] ?? "unknown"}: {late}.");
        foreach (var f in r["findings"]!.AsArray()) o.WriteLine($"  [{f!["code"]}] {f["message"]}");
    }

    private static void PrintHuman(ImportForm4Result r, TextWriter o)
    {
        o.WriteLine($"Imported {r.Imported} filing(s); {r.Skipped.Count} already imported; {r.Errors.Count} failed; {r.ConcernsFiled.Count} concern(s) filed.");
        foreach (var f in r.Filings) o.WriteLine($"  {f.File}: Form {f.DocumentType}, {f.Issuer}; findings: {(f.Findings.Count == 0 ? "none" : string.Join(", ", f.Findings))}");
        foreach (var item in r.NeedsReview) o.WriteLine($"  needs a directory match: {item.Name} ({item.Match}) in {item.File}");
    }
}
