using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Features.Oversight;

/// <summary>
/// Program metrics over the quarters the dates touch, over the cases the viewer reviews (their routing classes, less the
/// cases that name them). Without dates: the last four quarters up to today.
/// </summary>
public sealed record GetProgramMetrics(DateOnly? From = null, DateOnly? To = null) : IQuery<ProgramMetrics>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.AuditCommittee, Role.GeneralCounsel, Role.Board];

    /// <summary>The longest range, in quarters (ten years).</summary>
    public const int MaxQuarters = 40;

    /// <summary>The range the dates name, defaults applied.</summary>
    public (Quarter From, Quarter To) Range(DateOnly today)
    {
        var to = Quarter.Of(To ?? today);
        var from = From is { } f ? Quarter.Of(f) : to.Previous().Previous().Previous();
        return (from, to);
    }
}

/// <summary>The range must run forwards and stay within <see cref="GetProgramMetrics.MaxQuarters"/> quarters.</summary>
public sealed class GetProgramMetricsValidator : AbstractValidator<GetProgramMetrics>
{
    public GetProgramMetricsValidator()
    {
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From <= to)
            .WithMessage("'to' must not be before 'from'.");
        RuleFor(q => q.From).Must((q, from) => from is null || q.To is null
                || Quarter.Count(Quarter.Of(from.Value), Quarter.Of(q.To.Value)) <= GetProgramMetrics.MaxQuarters)
            .WithMessage($"The range may cover at most {GetProgramMetrics.MaxQuarters} quarters.");
    }
}

/// <summary>Sums the viewer's pre-aggregated buckets: cost grows with quarters, not cases.</summary>
public sealed class GetProgramMetricsHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock, IConfiguration configuration)
    : IQueryHandler<GetProgramMetrics, ProgramMetrics>
{
    /// <summary>Configuration key of the employee headcount behind "reports per 100 employees".</summary>
    public const string HeadcountKey = "Oversight:Headcount";

    public async ValueTask<ProgramMetrics> Handle(GetProgramMetrics query, CancellationToken cancellationToken)
    {
        var (from, to) = query.Range(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (from > to || Quarter.Count(from, to) > GetProgramMetrics.MaxQuarters)
        {
            throw ValidationFailedException.For("from", $"The range must run forwards and cover at most {GetProgramMetrics.MaxQuarters} quarters.");
        }

        var buckets = await MetricsLedger.ForViewerAsync(db, actor.Current, from, to, cancellationToken);
        return ProgramMetrics.From(buckets, Headcount(configuration), from, to);
    }

    internal static int? Headcount(IConfiguration configuration) => configuration.GetValue<int?>(HeadcountKey) is > 0 and var h ? h : null;
}
