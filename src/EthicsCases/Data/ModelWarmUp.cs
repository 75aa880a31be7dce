using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Data;

/// <summary>
/// Builds the EF model on a thread-pool thread while the web host is still being built. Building it takes a large
/// share of start-up (docs/performance.md, cold start) and nothing else needs the CPU's second core then; EF caches the
/// model per provider configuration, so the app's own contexts find it built.
/// </summary>
public static class ModelWarmUp
{
    public static Task Start(DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Task.Run(() =>
        {
            try
            {
                var options = new DbContextOptionsBuilder<EthicsDbContext>();
                database.Configure(options);
                using var db = new EthicsDbContext(options.Options);
                _ = db.Model;
            }
            catch (InvalidOperationException)
            {
                // The app's first real use of the model reports the problem where it can be seen.
            }
        });
    }
}
