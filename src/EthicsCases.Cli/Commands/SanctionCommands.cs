using System.CommandLine;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Features.Sanctions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Cli.Commands;

/// <summary><c>ethics sanction recommend</c>: the policy's recommendation for factors typed in; no database.</summary>
public static class SanctionCommands
{
    /// <summary>Builds the <c>sanction</c> command group.</summary>
    public static Command Build(CommandRunner runner)
    {
        var severity = new Option<int?>("--severity") { Description = "Nature and severity, 1 (least) to 5 (most)." };
        var occurrences = new Option<int?>("--occurrences") { Description = "How many times it occurred; 1 = a single occurrence." };
        var intent = new Option<string?>("--intent") { Description = $"Whether it appears {IntentScale.AllowedValues.Replace(", ", " or ", StringComparison.Ordinal)}." };
        var advised = new Option<string?>("--advised") { Description = "Whether the individual had been advised beforehand of the proper course: yes or no." };
        var prior = new Option<int?>("--prior-violations") { Description = "How many other violations the individual committed in the past." };
        var recommend = new Command("recommend", "Recommend a sanction for the SOP's five factors; prints the score and how each factor counted.")
        {
            severity, occurrences, intent, advised, prior,
        };
        recommend.SetAction((parse, ct) => runner.RunAsync(parse, null,
            async (services, token) => await services.GetRequiredService<IMediator>().Send(new RecommendSanction(
                parse.GetValue(severity), parse.GetValue(occurrences), parse.GetValue(intent), parse.GetValue(advised), parse.GetValue(prior)), token),
            Print, ct, migrate: false));
        return new Command("sanction", "The sanction policy (SOP II-031, final paragraph).") { recommend };
    }

    private static void Print(SanctionRecommendation r, TextWriter o)
    {
        o.WriteLine($"Recommended: {r.Recommendation} (score {r.Score:0.##}, policy {r.PolicyVersion})");
        foreach (var f in r.Factors)
        {
            o.WriteLine($"  {f.Factor,-16} {f.Input,-12} {f.Points,5:0.##} points");
        }

        o.WriteLine(r.Explanation);
    }
}
