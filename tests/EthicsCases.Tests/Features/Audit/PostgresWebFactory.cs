using EthicsCases.Tests.Web;
using Microsoft.AspNetCore.Hosting;

namespace EthicsCases.Tests.Features.Audit;

/// <summary>The real web app (local auth mode) on a PostgreSQL database, keys in its own data folder.</summary>
internal sealed class PostgresWebFactory(string connection) : EthicsWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "PostgreSql");
        builder.UseSetting("ConnectionStrings:Ethics", connection);
    }
}
