using EthicsCases;
using EthicsCases.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddEthicsCases(builder.Configuration, createMissingKeys: builder.Environment.IsDevelopment() ? null : false);
builder.Services.AddEthicsCasesWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.MigrateDatabaseAsync();
app.UseEthicsCasesWeb();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
