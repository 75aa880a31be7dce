using EthicsCases.Data;
using EthicsCases.Security.Keys;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// <c>/health/ready</c>: the node may take traffic when the database answers, holds every migration of this build and
/// the record keys load. A load balancer keeps a node out of rotation until then (for example while a release step
/// migrates, or when a key file is missing), without restarting it as a failed liveness check would.
/// </summary>
public sealed class ReadinessCheck(EthicsDbContext db, RecordKeys keys) : IHealthCheck
{
    /// <summary>The tag of checks that belong to readiness only.</summary>
    public const string Tag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            if (!await DatabaseMigrator.IsCurrentAsync(db, cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database lacks migrations of this build; run 'ethics db migrate'.");
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }

        try
        {
            _ = keys.Audit;
            _ = keys.Content;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or FormatException
            or System.Security.Cryptography.CryptographicException)
        {
            return HealthCheckResult.Unhealthy("The record keys do not load.", e);
        }

        return HealthCheckResult.Healthy();
    }
}
