using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EthicsCases.Cli;

/// <summary>
/// Runs a command body inside a fresh service scope on the configured database, acting as <c>--as</c> when given,
/// and turns outcomes into output and exit codes. Every command goes through the same Mediator pipeline as the web
/// app, so the command line is no back door.
/// </summary>
public sealed class CommandRunner(GlobalOptions globals, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? settings)
{
    /// <summary>JSON as docs/contract.md wants it: camelCase, enums by name, nulls written, ISO dates.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
    };

    /// <summary>The global <c>--json</c> option.</summary>
    public Option<bool> JsonOption => globals.Json;

    /// <summary>Where human-readable results go.</summary>
    public TextWriter Out => stdout;

    /// <summary>Where progress and errors go.</summary>
    public TextWriter Err => stderr;

    /// <summary>Runs <paramref name="body"/> with a scope; prints its result as JSON or via <paramref name="human"/>.</summary>
    public Task<int> RunAsync<T>(ParseResult parse, string? actAs, Func<IServiceProvider, CancellationToken, Task<T>> body,
        Action<T, TextWriter> human, CancellationToken ct, bool migrate = true) => RunShapedAsync(parse, actAs, body, human, migrate, json: null, ct);

    private async Task<int> RunShapedAsync<T>(ParseResult parse, string? actAs, Func<IServiceProvider, CancellationToken, Task<T>> body,
        Action<T, TextWriter> human, bool migrate, Func<T, object>? json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var asJson = parse.GetValue(globals.Json);
        return await ExecuteAsync(parse, async (provider, token) =>
        {
            await using var scope = provider.CreateAsyncScope();
            var services = scope.ServiceProvider;
            Identify(services.GetRequiredService<ActorContext>(), actAs);
            var result = await body(services, token);
            if (asJson)
            {
                await stdout.WriteLineAsync(json is null ? JsonSerializer.Serialize(result, JsonOptions) : JsonSerializer.Serialize(json(result), JsonOptions));
            }
            else
            {
                human(result, stdout);
            }
        }, ct, migrate);
    }

    /// <summary>Builds the services, migrates, runs <paramref name="body"/>, and turns refusals into messages and exit codes.</summary>
    private async Task<int> ExecuteAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task> body, CancellationToken ct, bool migrate = true)
    {
        try
        {
            await using var provider = BuildServices(parse.GetValue(globals.Db));
            if (migrate)
            {
                await using var scope = provider.CreateAsyncScope();
                await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<EthicsDbContext>(), ct);
            }

            await body(provider, ct);
            return EthicsCli.Ok;
        }
        catch (ValidationFailedException e)
        {
            // The application names its fields for any host; here they are named as the options that carry them.
            foreach (var (field, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    await stderr.WriteLineAsync($"ethics: {OptionFor(parse, field)}: {message}");
                }
            }

            return EthicsCli.Rejected;
        }
        catch (RejectedException e)
        {
            await stderr.WriteLineAsync($"ethics: {e.Message}");
            return EthicsCli.Rejected;
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Database:", StringComparison.Ordinal))
        {
            await stderr.WriteLineAsync($"ethics: {e.Message}");
            return EthicsCli.Usage;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or IOException)
        {
            await stderr.WriteLineAsync($"ethics: the database refused the request: {e.GetBaseException().Message}");
            return EthicsCli.Rejected;
        }
    }

    /// <summary>
    /// Runs a paged list. With <paramref name="limit"/> or <paramref name="after"/> it prints that one page
    /// (<c>{"items","next"}</c> under <c>--json</c>); without them it pages through the whole list itself, each page in a
    /// fresh scope, and writes rows as they come (a JSON array under <c>--json</c>), so memory stays flat however long
    /// the list is.
    /// </summary>
    public async Task<int> ListAsync<T>(ParseResult parse, string? actAs, int? limit, string? after, Func<int?, string?, IQuery<Page<T>>> query,
        Action<T, TextWriter> line, CancellationToken ct, Action<TextWriter>? header = null, Action<int, TextWriter>? footer = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(line);
        if (limit is not null || after is not null)
        {
            return await RunShapedAsync(parse, actAs, async (s, token) => await s.GetRequiredService<IMediator>().Send(query(limit, after), token), (page, o) =>
            {
                header?.Invoke(o);
                foreach (var item in page)
                {
                    line(item, o);
                }

                if (page.Next is not null)
                {
                    o.WriteLine($"More: --after {page.Next}");
                }
            }, migrate: true, json: page => new { items = page.Items, next = page.Next }, ct);
        }

        var json = parse.GetValue(globals.Json);
        return await ExecuteAsync(parse, async (provider, token) =>
        {
            var count = 0;
            string? cursor = null;
            if (json)
            {
                await stdout.WriteAsync('[');
            }
            else
            {
                header?.Invoke(stdout);
            }

            do
            {
                await using var scope = provider.CreateAsyncScope();
                Identify(scope.ServiceProvider.GetRequiredService<ActorContext>(), actAs);
                var page = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query(Paging.MaxLimit, cursor), token);
                foreach (var item in page)
                {
                    if (json)
                    {
                        await stdout.WriteAsync(count == 0 ? Environment.NewLine : "," + Environment.NewLine);
                        await stdout.WriteAsync(JsonSerializer.Serialize(item, JsonOptions));
                    }
                    else
                    {
                        line(item, stdout);
                    }

                    count++;
                }

                await stdout.FlushAsync(token);
                cursor = page.Next;
            }
            while (cursor is not null);

            if (json)
            {
                await stdout.WriteLineAsync(count == 0 ? "]" : Environment.NewLine + "]");
            }
            else
            {
                footer?.Invoke(count, stdout);
            }
        }, ct);
    }

    /// <summary>Who acts: the <c>--as</c> person, through the command line, run by this operating-system account.</summary>
    public static void Identify(ActorContext actor, string? actAs)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor.Email = actAs;
        actor.Channel = Channels.Cli;
        actor.OsUser = Environment.UserName;
    }

    /// <summary>
    /// The environment the command runs in: <c>DOTNET_ENVIRONMENT</c>, else <c>ASPNETCORE_ENVIRONMENT</c>, else
    /// Development. Unset means Development because the command line is an operator's tool on their own machine;
    /// a server sets the variable, and then only Development allows local tokens and demo data.
    /// </summary>
    public string EnvironmentName =>
        new[] { Setting("DOTNET_ENVIRONMENT"), Setting("ASPNETCORE_ENVIRONMENT") }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim()
        ?? Security.SignInModes.Development;

    /// <summary>Sends a Mediator command as <paramref name="actAs"/>.</summary>
    public Task<int> SendAsync<T>(ParseResult parse, string? actAs, ICommand<T> command, Action<T, TextWriter> human, CancellationToken ct) =>
        RunAsync(parse, actAs, async (s, token) => await s.GetRequiredService<IMediator>().Send(command, token), human, ct);

    /// <summary>Sends a Mediator query as <paramref name="actAs"/>.</summary>
    public Task<int> SendAsync<T>(ParseResult parse, string? actAs, IQuery<T> query, Action<T, TextWriter> human, CancellationToken ct) =>
        RunAsync(parse, actAs, async (s, token) => await s.GetRequiredService<IMediator>().Send(query, token), human, ct);

    private static string OptionFor(ParseResult parse, string field)
    {
        // "filed.date" and "roles[1]" belong to --filed and --role.
        var head = field.Split('.', '[')[0];
        var option = "--" + System.Text.RegularExpressions.Regex.Replace(head, "([a-z0-9])([A-Z])", "$1-$2").ToLowerInvariant();
        var options = parse.CommandResult.Command.Options;
        return options.Any(o => o.Name == option) ? option
            : option.EndsWith('s') && options.Any(o => o.Name == option[..^1]) ? option[..^1]
            : field;
    }

    /// <summary>Writes a rejection and returns exit code 1.</summary>
    public int Reject(string message)
    {
        stderr.WriteLine($"ethics: {message}");
        return EthicsCli.Rejected;
    }

    /// <summary>A configuration value as the command will see it (settings, environment, appsettings.json).</summary>
    public string? Setting(string key) => Configuration()[key];

    /// <summary>Writes a usage error and returns exit code 2.</summary>
    public int UsageError(string message)
    {
        stderr.WriteLine($"ethics: {message}");
        return EthicsCli.Usage;
    }

    private IConfigurationRoot Configuration()
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.AddInMemoryCollection(settings);
        }

        return builder.Build();
    }

    private ServiceProvider BuildServices(string? db)
    {
        var configuration = Configuration();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddEthicsCases(configuration, string.IsNullOrWhiteSpace(db) ? null : DatabaseSettings.FromConnection(db));

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
