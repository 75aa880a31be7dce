using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Security;
using EthicsCases.Tests.Infrastructure;
using EthicsCases.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Web;

/// <summary>
/// Two real web processes (the built app, started with <c>dotnet EthicsCases.Web.dll</c>), each with a data folder of its
/// own as two machines would have, on one PostgreSQL database and the same keys from configuration, as docs/deploy.md
/// describes N nodes: a session cookie and an antiforgery token issued by one node are accepted by the other (the Data
/// Protection key ring lives in the database, wrapped by the key-encryption key, not in a node's folder), and filings on
/// both at once never collide on a reference.
/// </summary>
[NonParallelizable]
public sealed partial class TwoWebNodesTests
{
    private const string Officer = "cfo@example.com";

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Test]
    public async Task A_cookie_and_an_antiforgery_token_from_one_node_work_on_the_other_and_filings_on_both_never_collide()
    {
        var connection = await PostgresServer.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("ethics-two-nodes-").FullName;
        var (folderA, folderB) = (Path.Combine(folder, "a"), Path.Combine(folder, "b"));
        try
        {
            // The directory, through the app's own services with the nodes' keys.
            Person officer;
            using (var setup = new SharedKeysFactory(connection))
            {
                officer = await setup.AddPersonAsync(Officer, "Casey Officer", Role.Officer);
                await setup.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
            }

            using var a = await WebNode.StartAsync(connection, folderA);
            using var b = await WebNode.StartAsync(connection, folderB);

            // Sign in on node A, as a browser does.
            var jar = new Dictionary<string, string>(StringComparer.Ordinal);
            var signInForm = await a.SendAsync(HttpMethod.Get, "/Account/SignIn", jar);
            var signInToken = AntiforgeryField().Match(signInForm.Body).Groups[1].Value;
            var signedIn = await a.SendAsync(HttpMethod.Post, "/Account/SignIn", jar,
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = Officer, ["__RequestVerificationToken"] = signInToken }));

            // The session cookie from A opens a signed-in page on B.
            var onB = await b.SendAsync(HttpMethod.Get, "/Account/Notifications", jar);

            // A form token issued by A is accepted by B's antiforgery check; a forged one is refused there.
            var formOnA = await a.SendAsync(HttpMethod.Get, "/Account/Notifications", jar);
            var formToken = AntiforgeryField().Match(formOnA.Body).Groups[1].Value;
            var saved = await b.SendAsync(HttpMethod.Post, "/Account/Notifications", jar,
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Preference"] = "DailyDigest", ["__RequestVerificationToken"] = formToken }));
            var forged = await b.SendAsync(HttpMethod.Post, "/Account/Notifications", jar,
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Preference"] = "Immediate", ["__RequestVerificationToken"] = formToken[..^4] + "AAAA" }));
            var preference = await a.SendAsync(HttpMethod.Get, "/Account/Notifications", jar);

            // Ten filings on each node at the same moment (local-mode bearer tokens are signed with each node's own key).
            var (tokenA, _) = LocalTokens.Issue(officer, folderA, TimeProvider.System);
            var (tokenB, _) = LocalTokens.Issue(officer, folderB, TimeProvider.System);
            var filings = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? a.FileAsync(tokenA, i) : b.FileAsync(tokenB, i)));

            Assert.Multiple(() =>
            {
                Assert.That(signedIn.Status, Is.EqualTo(HttpStatusCode.Redirect), "signed in on A");
                Assert.That(onB.Status, Is.EqualTo(HttpStatusCode.OK), "A's session cookie is accepted by B");
                Assert.That(onB.Body, Does.Contain("Casey Officer"), "B knows who is signed in");
                Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.Redirect), "A's form token is accepted by B");
                Assert.That(forged.Status, Is.EqualTo(HttpStatusCode.BadRequest), "a forged form token is refused");
                Assert.That(preference.Body, Does.Match("value=\"DailyDigest\"[^>]*checked"), "the change made on B is what A shows");
                Assert.That(filings.Select(f => f.Status), Is.All.EqualTo(HttpStatusCode.Created));
                Assert.That(filings.Select(f => f.Reference).Distinct().Count(), Is.EqualTo(20), "no two filings share a reference");
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_trigger_fired_on_both_nodes_at_once_has_exactly_one_winner()
    {
        const int Rounds = 20;
        var connection = await PostgresServer.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("ethics-two-nodes-").FullName;
        var (folderA, folderB) = (Path.Combine(folder, "a"), Path.Combine(folder, "b"));
        try
        {
            using var setup = new SharedKeysFactory(connection);
            var officer = await setup.AddPersonAsync(Officer, "Casey Officer", Role.Officer);
            var counsel = await setup.AddPersonAsync("gc@example.com", "Gale Counsel", Role.GeneralCounsel);
            // Books and records go to the General Counsel first: each case waits in Intake for the General Counsel.
            var references = new List<string>();
            for (var i = 0; i < Rounds; i++)
            {
                references.Add((await setup.FileAsync(officer, ConcernCategory.BooksAndRecords)).Reference);
            }

            using var a = await WebNode.StartAsync(connection, folderA);
            using var b = await WebNode.StartAsync(connection, folderB);
            var (tokenA, _) = LocalTokens.Issue(counsel, folderA, TimeProvider.System);
            var (tokenB, _) = LocalTokens.Issue(counsel, folderB, TimeProvider.System);

            // Round by round, both nodes get the same Dismiss for the same case, released together.
            var rounds = new List<(Answer A, Answer B)>();
            foreach (var reference in references)
            {
                var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var onA = Task.Run(async () => { await go.Task; return await a.FireAsync(tokenA, reference, "Dismiss", "Outside SOP II-031."); });
                var onB = Task.Run(async () => { await go.Task; return await b.FireAsync(tokenB, reference, "Dismiss", "Outside SOP II-031."); });
                go.SetResult();
                rounds.Add((await onA, await onB));
            }

            var dismissals = await ReadAsync(setup, db => db.AuditEvents.Where(e => e.Action == "Dismiss")
                .GroupBy(e => e.CaseId).Select(g => new { CaseId = g.Key, Count = g.Count() }).ToListAsync());
            var states = await ReadAsync(setup, db => db.Cases.Select(c => c.State).ToListAsync());
            var verifier = await ReadAsync(setup, async db =>
            {
                var run = new EthicsCases.Features.Audit.RecordVerifier(db, db.Keys);
                await run.RunAsync(null, CancellationToken.None);
                return run;
            });

            Assert.Multiple(() =>
            {
                for (var i = 0; i < Rounds; i++)
                {
                    var (onA, onB) = rounds[i];
                    Assert.That(new[] { onA.Status, onB.Status }, Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }),
                        $"round {i}: one winner, one conflict (A: {onA.Status} {onA.Body}; B: {onB.Status} {onB.Body})");
                    var loser = onA.Status == HttpStatusCode.Conflict ? onA : onB;
                    Assert.That(loser.MediaType, Is.EqualTo("application/problem+json"), $"round {i}: the conflict is ProblemDetails");
                    Assert.That(loser.Body, Does.Contain("\"status\":409"), $"round {i}: the conflict is ProblemDetails");
                }

                Assert.That(dismissals, Has.Count.EqualTo(Rounds), "every case was dismissed");
                Assert.That(dismissals.Select(d => d.Count), Is.All.EqualTo(1), "exactly one Dismiss event per case");
                Assert.That(states, Is.All.EqualTo(CaseState.Closed));
                Assert.That(verifier.Problems, Is.Empty, "the record verifies");
                Assert.That(verifier.Events, Is.GreaterThanOrEqualTo(2 * Rounds));
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<T> ReadAsync<T>(WebApplicationFactory<WebApp> app, Func<EthicsDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<EthicsDbContext>());
    }

    /// <summary>The in-process app on the same database with the same keys, for setting up the directory.</summary>
    private sealed class SharedKeysFactory(string connection) : EthicsWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Ethics", connection);
            builder.UseSetting("Audit:Key", EntraWebFactory.AuditKey);
            builder.UseSetting("Encryption:Key", EntraWebFactory.EncryptionKey);
            builder.UseSetting("Anonymous:Secret", EntraWebFactory.AnonymousSecret);
        }
    }

    private sealed record Answer(HttpStatusCode Status, string Body, string? Reference = null, string? MediaType = null);

    /// <summary>One web process: the built app on a free loopback port, killed with its tree on dispose.</summary>
    private sealed class WebNode : IDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _client;

        private WebNode(Process process, HttpClient client)
        {
            _process = process;
            _client = client;
        }

        public static async Task<WebNode> StartAsync(string connection, string folder)
        {
            var port = FreePort();
            var app = WebAssembly();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(app)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(app);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Auth__Mode"] = "Local";
            start.Environment["Database__Provider"] = "PostgreSql";
            start.Environment["ConnectionStrings__Ethics"] = connection;
            start.Environment["Data__Directory"] = folder;
            start.Environment["Audit__Key"] = EntraWebFactory.AuditKey;
            start.Environment["Encryption__Key"] = EntraWebFactory.EncryptionKey;
            start.Environment["Anonymous__Secret"] = EntraWebFactory.AnonymousSecret;
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var log = new System.Text.StringBuilder();
            process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(60),
            };
            var node = new WebNode(process, client);
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (process.HasExited)
                {
                    break;
                }

                try
                {
                    using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
                    if (health.IsSuccessStatusCode)
                    {
                        return node;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(250);
            }

            node.Dispose();
            string output;
            lock (log) output = log.ToString();
            throw new InvalidOperationException($"The web node on port {port} did not become healthy:\n{output}");
        }

        /// <summary>Sends a request carrying the cookies in <paramref name="jar"/>, and keeps the ones the answer sets.</summary>
        public async Task<Answer> SendAsync(HttpMethod method, string path, Dictionary<string, string> jar, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
            if (jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            }

            using var response = await _client.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    var pair = cookie.Split(';', 2)[0].Split('=', 2);
                    jar[pair[0]] = pair[1];
                }
            }

            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task<Answer> FileAsync(string token, int i)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/concerns", UriKind.Relative))
            {
                Content = JsonContent.Create(new { category = "BooksAndRecords", summary = $"Filing {i}", details = "Filed on two nodes at once.", subjectEmails = Array.Empty<string>() }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var reference = response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(body).RootElement.GetProperty("reference").GetString() : body;
            return new Answer(response.StatusCode, body, reference);
        }

        public async Task<Answer> FireAsync(string token, string reference, string trigger, string reason)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/cases/{reference}/triggers/{trigger}", UriKind.Relative))
            {
                Content = JsonContent.Create(new { reason }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _client.SendAsync(request);
            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), MediaType: response.Content.Headers.ContentType?.MediaType);
        }

        public void Dispose()
        {
            _client.Dispose();
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        // The web app as the solution built it, beside this test assembly's configuration (Debug or Release).
        private static string WebAssembly()
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = here.Parent!.Name;
            var root = here;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "EthicsCases.sln")))
            {
                root = root.Parent;
            }

            var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("EthicsCases.sln not found above the tests"),
                "src", "EthicsCases.Web", "bin", configuration, here.Name, "EthicsCases.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the web app is started from its build output.", path);
        }
    }
}
