using System.Diagnostics;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// Where start-up time goes: each phase of Program.cs is marked with the time since the process started, and with
/// <c>Startup:Timeline=true</c> the marks are logged (category <c>EthicsCases.Startup</c>) once the first request has been
/// answered. Nothing is added to the pipeline otherwise.
/// </summary>
public static class StartupTimeline
{
    private static readonly DateTime ProcessStarted = Process.GetCurrentProcess().StartTime.ToUniversalTime();
    private static readonly List<(string Phase, double Ms)> Marks = [];

    /// <summary>Records that <paramref name="phase"/> has just ended.</summary>
    public static void Mark(string phase)
    {
        lock (Marks)
        {
            Marks.Add((phase, (DateTime.UtcNow - ProcessStarted).TotalMilliseconds));
        }
    }

    /// <summary>With <c>Startup:Timeline=true</c>, logs the marks after the first request is answered.</summary>
    public static WebApplication UseStartupTimeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue("Startup:Timeline", false))
        {
            return app;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EthicsCases.Startup");
        var logged = 0;
        app.Use(async (context, next) =>
        {
            await next(context);
            if (Interlocked.Exchange(ref logged, 1) == 0)
            {
                Mark($"first request answered ({context.Request.Path})");
                lock (Marks)
                {
                    var previous = 0.0;
                    foreach (var (phase, ms) in Marks)
                    {
#pragma warning disable CA1848, CA1873 // Logged once per process.
                        logger.LogWarning("startup {Ms,7:0} ms (+{Delta,5:0}) {Phase}", ms, ms - previous, phase);
#pragma warning restore CA1848, CA1873
                        previous = ms;
                    }
                }
            }
        });
        return app;
    }
}
