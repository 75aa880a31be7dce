using EthicsCases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EthicsCases.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the context for SQLite without a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EthicsDbContext>
{
    public EthicsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EthicsDbContext>();
        DatabaseSettings.FromConnection("Data Source=design-time.db", DatabaseProvider.Sqlite).Configure(options);
        return new EthicsDbContext(options.Options);
    }
}
