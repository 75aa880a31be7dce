using EthicsCases;
using EthicsCases.Web;
using EthicsCases.Web.Infrastructure;

StartupTimeline.Mark("runtime started, Main entered");
var builder = WebApplication.CreateBuilder(args);
StartupTimeline.Mark("host builder created (configuration, logging)");
if (builder.Configuration.GetValue("Startup:WarmModel", true))
{
    _ = EthicsCases.Data.ModelWarmUp.Start(EthicsCases.Data.DatabaseSettings.From(builder.Configuration));
}

builder.Services.AddEthicsCases(builder.Configuration, createMissingKeys: builder.Environment.IsDevelopment() ? null : false);
builder.Services.AddEthicsCasesWeb(builder.Configuration, builder.Environment);
StartupTimeline.Mark("services registered (EF, Mediator, Identity.Web, Razor Pages)");

var app = builder.Build();
StartupTimeline.Mark("app built");
await app.MigrateDatabaseAsync();
StartupTimeline.Mark("database checked/migrated");
app.UseStartupTimeline();
app.UseEthicsCasesWeb();
StartupTimeline.Mark("pipeline and endpoints mapped");
app.Lifetime.ApplicationStarted.Register(() => StartupTimeline.Mark("host started (Kestrel listening, hosted services started)"));
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
