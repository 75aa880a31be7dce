using EthicsCases.Common;
using EthicsCases.Data;
using Mediator;

namespace EthicsCases.Features.Oversight;

/// <summary>
/// Recomputes the pre-aggregated metrics from the cases: for a database that predates them, after a bulk load, or after
/// a policy change (deadlines). An operator command: it reads every case.
/// </summary>
public sealed record RebuildMetrics : ICommand<MetricsRebuilt>, IOperatorRequest;

/// <summary>How many cases were counted into how many buckets.</summary>
public sealed record MetricsRebuilt(int Cases, int Buckets);

/// <summary>Rebuilds in one transaction under the head's lock and records <c>MetricsRebuilt</c> (counts only).</summary>
public sealed class RebuildMetricsHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<RebuildMetrics, MetricsRebuilt>
{
    public async ValueTask<MetricsRebuilt> Handle(RebuildMetrics command, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (cases, buckets) = await MetricsLedger.RebuildAsync(db, cancellationToken);
        await DirectoryAudit.RecordAsync(db, actor.Email, "MetricsRebuilt", clock.GetUtcNow().UtcDateTime, MetricsLedger.RebuildData(cases, buckets), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MetricsRebuilt(cases, buckets);
    }
}
