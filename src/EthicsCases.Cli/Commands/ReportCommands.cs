using System.CommandLine;
using System.Globalization;
using System.Text;
using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using EthicsCases.Features.Oversight;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics report metrics|quarterly|rebuild-metrics</c> and <c>ethics case export</c>.</summary>
public static class ReportCommands
{
    /// <summary>Builds the <c>report</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var group = new Command("report", "Program metrics and the Audit Committee's quarterly report.");
        group.Subcommands.Add(Metrics(runner));
        group.Subcommands.Add(Quarterly(runner));
        group.Subcommands.Add(Rebuild(runner));
        return group;
    }

    private static Command Metrics(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var from = new Option<DateOnly?>("--from") { Description = "First day (YYYY-MM-DD); its quarter is the first. Default: three quarters before --to." };
        var to = new Option<DateOnly?>("--to") { Description = "Last day (YYYY-MM-DD); its quarter is the last. Default: today." };
        var command = new Command("metrics", "Program metrics over the cases this person reviews, with NAVEX benchmark medians (Audit Committee, General Counsel, Board).")
        {
            actAs, from, to,
        };
        command.SetAction((parse, ct) => runner.SendAsync(parse, parse.GetValue(actAs), new GetProgramMetrics(parse.GetValue(from), parse.GetValue(to)),
            PrintMetrics, ct));
        return command;
    }

    private static void PrintMetrics(ProgramMetrics m, TextWriter o)
    {
        var b = m.Benchmarks;
        o.WriteLine($"Program metrics {m.FirstQuarter} to {m.LastQuarter} (benchmarks: {b.Label}, {b.Year})");
        o.WriteLine($"  reports                 {m.Reports} (+{m.Form4Findings} Form 4 findings)");
        o.WriteLine($"  per 100 employees/year  {Number(m.ReportsPer100Employees),-8} benchmark {Number(b.ReportsPer100Employees)}");
        o.WriteLine($"  anonymous share         {Percent(m.AnonymousShare),-8} benchmark {Percent(b.AnonymousShare)}");
        o.WriteLine($"  anonymous follow-up     {Percent(m.AnonymousFollowUpRate),-8} benchmark {Percent(b.AnonymousFollowUpRate)}");
        o.WriteLine($"  closed                  {m.Closed}");
        o.WriteLine($"  substantiation rate     {Percent(m.SubstantiationRate),-8} benchmark {Percent(b.SubstantiationRate)}");
        o.WriteLine($"  median days to close    {Number(m.MedianDaysToClose),-8} benchmark {Number(b.MedianDaysToClose)} (best practice {Number(b.BestPracticeDaysToClose)})");
        o.WriteLine($"  p90 days to close       {m.P90DaysToClose?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        o.WriteLine("  by quarter:");
        foreach (var q in m.ByQuarter)
        {
            o.WriteLine($"    {q.Quarter}  reports {q.Reports,5}  closed {q.Closed,5}  substantiated {Percent(q.SubstantiationRate),5}  median days {Number(q.MedianDaysToClose)}");
        }
    }

    private static Command Quarterly(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var quarter = new Option<string>("--quarter") { Required = true, Description = "The quarter, e.g. 2026Q4." };
        var output = new Option<FileInfo>("--out") { Required = true, Description = "Where to write the PDF." };
        var command = new Command("quarterly", "Write the Audit Committee's quarterly report as a PDF (Audit Committee, Board; audited with its SHA-256).")
        {
            actAs, quarter, output,
        };
        command.SetAction((parse, ct) => runner.RunAsync(parse, parse.GetValue(actAs), async (services, token) =>
        {
            var report = await services.GetRequiredService<IMediator>().Send(new GetQuarterlyReport(parse.GetValue(quarter)!), token);
            var file = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(file.FullName, report.Pdf, token);
            return new QuarterlyReportWritten(report.Quarter.ToString(), file.FullName, report.Pdf.Length, report.Sha256);
        }, (w, o) => o.WriteLine($"Wrote the {w.Quarter} report to {w.File} ({w.Bytes} bytes, SHA-256 {w.Sha256})."), ct));
        return command;
    }

    /// <summary>What <c>report quarterly</c> prints.</summary>
    public sealed record QuarterlyReportWritten(string Quarter, string File, int Bytes, string Sha256);

    private static Command Rebuild(CommandRunner runner)
    {
        var command = new Command("rebuild-metrics", "Recompute the pre-aggregated metrics from every case (operator; after a bulk load or a policy change); prints {\"cases\",\"buckets\"}.");
        command.SetAction((parse, ct) => runner.SendAsync(parse, null, new RebuildMetrics(),
            (r, o) => o.WriteLine($"Counted {r.Cases} case(s) into {r.Buckets} bucket(s)."), ct));
        return command;
    }

    /// <summary>The <c>case export</c> command.</summary>
    public static Command Export(CommandRunner runner)
    {
        var actAs = CaseCommands.As();
        var output = new Option<FileInfo>("--out") { Required = true, Description = "Where to write the CSV." };
        var state = new Option<string?>("--state") { Description = "Only cases in this state." };
        var command = new Command("export", "Write the cases (and determinations) this person may see as CSV; audited (count and filter).")
        {
            actAs, output, state,
        };
        command.SetAction((parse, ct) => runner.RunAsync(parse, parse.GetValue(actAs), async (services, token) =>
        {
            var filter = parse.GetValue(state) is { Length: > 0 } s ? EnumNames.ParseField<CaseState>(s, "state") : (CaseState?)null;
            var export = await services.GetRequiredService<IMediator>().Send(new ExportCases(filter), token);
            var file = parse.GetValue(output)!;
            await using var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(false));
            var rows = await export.WriteAsync(writer, token);
            return new CasesExportedSummary(rows, file.FullName, filter?.ToString());
        }, (w, o) => o.WriteLine($"Wrote {w.Rows} case(s) to {w.File}."), ct));
        return command;
    }

    /// <summary>What <c>case export</c> prints.</summary>
    public sealed record CasesExportedSummary(int Rows, string File, string? State);

    private static string Percent(double? share) => share is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "-";

    private static string Number(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "-";
}
