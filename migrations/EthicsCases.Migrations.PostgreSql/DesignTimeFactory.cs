using EthicsCases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EthicsCases.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the context for PostgreSQL without a host (no connection is opened).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EthicsDbContext>
{
    public EthicsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EthicsDbContext>();
        DatabaseSettings.FromConnection("Host=localhost;Database=ethics;Username=postgres", DatabaseProvider.PostgreSql).Configure(options);
        return new EthicsDbContext(options.Options);
    }
}
