using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests;

/// <summary>Run-wide setup: stops the private PostgreSQL cluster when the run ends.</summary>
[SetUpFixture]
public sealed class GlobalSetup
{
    /// <summary>Stops what the run started.</summary>
    [OneTimeTearDown]
    public void StopServers() => PostgresServer.Stop();
}
