using System.Net.Http.Headers;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.People;
using EthicsCases.Security;
using EthicsCases.Web;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Web;

/// <summary>The real web app (local auth mode) on a temporary SQLite file in a temporary data folder.</summary>
public class EthicsWebFactory : WebApplicationFactory<WebApp>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "ethics-web-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Directory", DataDirectory);
        builder.UseSetting("ConnectionStrings:Ethics", $"Data Source={Path.Combine(DataDirectory, "ethics.db")}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Auth:Mode", "Local");
        builder.UseSetting("RateLimiting:AnonymousPerMinute", "10000");
    }

    /// <summary>Adds a directory person (as an Administrator once the directory has one) and returns it.</summary>
    public async Task<Person> AddPersonAsync(string email, string name, params Role[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email =
            await db.People.Where(p => p.Roles.Contains(Role.Administrator)).Select(p => p.Email).FirstOrDefaultAsync();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new AddPerson(email, name, roles.Select(r => r.ToString()).ToList(), "Test " + name));
        return await scope.ServiceProvider.GetRequiredService<EthicsDbContext>().People.AsNoTracking().SingleAsync(p => p.Email == email);
    }

    /// <summary>Files a concern as <paramref name="reporter"/> through the same Mediator command as the API.</summary>
    public async Task<FiledConcern> FileAsync(Person reporter, ConcernCategory category, params Person[] subjects)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Email = reporter.Email;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return await mediator.Send(new FileConcern(category.ToString(), "Test concern " + category, "Details of the test concern.", subjects.Select(s => s.Email).ToList()));
    }

    /// <summary>An API client carrying a real token signed by <see cref="LocalTokens"/>.</summary>
    public virtual HttpClient ClientAs(Person person)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (token, _) = LocalTokens.Issue(person, DataDirectory, TimeProvider.System);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open on some platforms; the temp folder is cleaned by the OS.
            }
        }
    }
}
