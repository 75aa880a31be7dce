using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EthicsCases.Tests.Web;

/// <summary>Exchange Act Rule 10A-3: nothing identifying about an anonymous reporter reaches the logs.</summary>
public sealed class AnonymityTests
{
    private sealed class CapturingLogger(ConcurrentBag<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Add(state.ToString() ?? "");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add(formatter(state, exception));

        public void Dispose()
        {
        }
    }

    private sealed class LoggedFactory(ConcurrentBag<string> lines) : EthicsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Trace");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.ConfigureLogging(l => l.AddProvider(new CapturingLogger(lines)));
        }
    }

    [Test]
    public async Task Anonymous_report_leaves_no_user_agent_or_forwarded_address_in_the_logs()
    {
        var lines = new ConcurrentBag<string>();
        using var app = new LoggedFactory(lines);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("WhistleBrowser/7.3");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");

        using var response = await client.PostAsJsonAsync("/api/anonymous/reports", new { category = "Fraud", summary = "Kickbacks", details = "Q3" });

        Assert.Multiple(() =>
        {
            Assert.That(response.IsSuccessStatusCode, Is.True);
            Assert.That(lines, Is.Not.Empty, "the capture works");
            Assert.That(lines, Has.None.Contains("WhistleBrowser").And.None.Contains("203.0.113.77"));
        });
    }
}
