using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Benchmarks.Load;

/// <summary>
/// <c>load</c>: seeds a SQLite data folder with the demo, publishes and starts the real web app on it, and measures cold
/// start (against an empty ASP.NET Core app), intake through <c>POST /api/concerns</c> at N connections (against the
/// statements a filing makes, replayed raw), queue first pages (against hand-written SQL) and the server's peak RSS.
/// Issue 10's goals are printed beside the figures.
/// </summary>
public static class LoadDriver
{
    private const string Reporter = "cfo@" + Features.Demo.SeedDemoHandler.Domain;
    private const string Subject = "ceo@" + Features.Demo.SeedDemoHandler.Domain;
    private const string GeneralCounsel = "gc@" + Features.Demo.SeedDemoHandler.Domain;
    private const string AuditCommittee = "ac.chair@" + Features.Demo.SeedDemoHandler.Domain;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly CaseState[] CounselQueue = [CaseState.Intake, CaseState.GeneralCounselReview];
    private static readonly CaseState[] CommitteeQueue = [CaseState.AuditCommitteeReview, CaseState.BoardDetermination, CaseState.Intake];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadOptions.Parse(args);
        var say = options.Json ? (Action<string>)(m => Console.Error.WriteLine(m)) : Console.WriteLine;
        var root = RepoRoot();
        var work = Path.Combine(root, "tests", "EthicsCases.Benchmarks", "bin", "load");
        Directory.CreateDirectory(work);

        var web = Path.Combine(work, "web", "EthicsCases.Web.dll");
        var empty = Path.Combine(work, "empty", "EmptyApp.dll");
        if (!options.NoPublish || !File.Exists(web) || !File.Exists(empty))
        {
            say("publishing the web app and the empty app (Release)...");
            await PublishAsync(Path.Combine(root, "src", "EthicsCases.Web", "EthicsCases.Web.csproj"), Path.GetDirectoryName(web)!);
            await PublishAsync(Path.Combine(root, "tests", "EthicsCases.Benchmarks", "Load", "EmptyApp", "EmptyApp.csproj"), Path.GetDirectoryName(empty)!);
        }

        var seeded = Path.Combine(work, $"seed-{options.Cases}");
        double? seedSeconds = null;
        if (options.Reseed || !File.Exists(Path.Combine(seeded, LocalData.DatabaseFile + ".done")))
        {
            say($"seeding {options.Cases:N0} cases with SeedDemo...");
            if (Directory.Exists(seeded))
            {
                Directory.Delete(seeded, recursive: true);
            }

            var seedClock = Stopwatch.StartNew();
            await LocalData.SeedAsync(seeded, options.Cases, say);
            seedSeconds = seedClock.Elapsed.TotalSeconds;
            await File.WriteAllTextAsync(Path.Combine(seeded, LocalData.DatabaseFile + ".done"), seedSeconds.Value.ToString("0.0", CultureInfo.InvariantCulture));
            say($"  seeded in {seedSeconds:0.0} s");
        }
        else
        {
            say($"reusing {seeded} (--reseed to seed again)");
        }

        var rawFolder = Path.Combine(work, "raw");
        LocalData.Copy(seeded, rawFolder);
        var statements = await RawIntake.CaptureFilingAsync(rawFolder, Reporter, Subject);
        if (options.ShowStatements)
        {
            foreach (var s in statements)
            {
                Console.WriteLine($"-- {(s.IsWrite ? "write" : "read")}: {string.Join(", ", s.Parameters.Select(p => $"{p.Name}={Show(p.Value)}"))}\n{s.Sql}\n");
            }

            return 0;
        }

        var runFolder = Path.Combine(work, "run");
        LocalData.Copy(seeded, runFolder);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Auth__Mode"] = "Local",
            ["Data__Directory"] = runFolder,
            ["Logging__LogLevel__Default"] = "Warning",
            // The deadline scan over every open case runs 30 s after start and, at 100,000 cases, holds SQLite's one
            // writer for minutes (docs/performance.md): measured with it, intake measures the scan.
            // --env Notifications__Enabled=true puts it back.
            ["Notifications__Enabled"] = "false",
        };
        foreach (var (key, value) in options.WebEnvironment)
        {
            environment[key] = value;
        }

        say($"cold start: {options.Starts} starts of each app, alternating...");
        var emptyStarts = new List<double>();
        var webStarts = new List<double>();
        var webReady = new List<double>();
        // The resident set of each app once it answers, before any load: what the runtime, the framework and the app's
        // code take on their own, the floor under the peak measured during intake.
        var emptyIdle = new List<double>();
        var webIdle = new List<double>();
        for (var i = 0; i < options.Starts; i++)
        {
            using (var app = await AppProcess.StartAsync(empty, new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" }))
            {
                emptyStarts.Add(app.ColdStart.TotalMilliseconds);
                emptyIdle.Add(app.MemoryMb("VmHWM"));
            }

            using (var app = await AppProcess.StartAsync(web, environment, waitForReady: true))
            {
                webStarts.Add(app.ColdStart.TotalMilliseconds);
                webReady.Add(app.Ready!.Value.TotalMilliseconds);
                webIdle.Add(app.MemoryMb("VmHWM"));
            }
        }

        say($"  web {Median(webStarts):0} ms (ready {Median(webReady):0} ms), empty {Median(emptyStarts):0} ms (medians); "
            + $"resident once started: web {Median(webIdle):0} MB, empty {Median(emptyIdle):0} MB");

        Person reporter, counsel, committee;
        await using (var services = LocalData.Services(runFolder))
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
            reporter = await db.People.AsNoTracking().SingleAsync(p => p.Email == Reporter);
            counsel = await db.People.AsNoTracking().SingleAsync(p => p.Email == GeneralCounsel);
            committee = await db.People.AsNoTracking().SingleAsync(p => p.Email == AuditCommittee);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Latencies intake, openIntake, counselQueue, committeeQueue, counselSteady, committeeSteady, counselFloor, committeeFloor, floorLoad;
        double peakRss, peakRssSampled, peakAnonSampled, cpuMsPerFiling, rate, fileRss, sharedRss;
        using (var app = await AppProcess.StartAsync(web, environment))
        {
            using var client = Client(app.Address, options.Connections);
            var reporterToken = LocalTokens.Issue(reporter, runFolder, TimeProvider.System).Token;
            say($"intake: POST /api/concerns at {options.Connections} connections for {options.Duration.TotalSeconds:0} s (+{options.WarmUp.TotalSeconds:0} s warm-up)...");
            var sampled = 0.0;
            var sampledAnon = 0.0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    sampled = Math.Max(sampled, app.MemoryMb("VmRSS"));
                    // The private part: VmRSS also counts mapped files (the runtime, the ReadyToRun assemblies, and
                    // the database if SQLite's memory map is on), which are the operating system's shared file cache.
                    sampledAnon = Math.Max(sampledAnon, app.MemoryMb("RssAnon"));
                    await Task.Delay(100);
                }
            });
            var number = 0;
            async Task<bool> FileOne(int worker)
            {
                var concern = IntakeLoad.Concern(Interlocked.Increment(ref number), Subject);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/concerns")
                {
                    Content = JsonContent.Create(new { category = concern.Category, summary = concern.Summary, details = concern.Details, subjectEmails = concern.SubjectEmails }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", reporterToken);
                using var answer = await client.SendAsync(request);
                return answer.StatusCode == HttpStatusCode.Created || Failed(answer, await answer.Content.ReadAsStringAsync());
            }

            // JIT and first-use costs out of the window: a few filings one by one, then one round at full concurrency.
            for (var i = 0; i < 5; i++)
            {
                await FileOne(0);
            }

            await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(FileOne));
            var cpuBefore = app.CpuTime();
            intake = await Latencies.MeasureAsync(options.Connections, options.WarmUp, options.Duration, FileOne);
            // The app's own processor time per filing (warm-up included on both sides of the division).
            cpuMsPerFiling = (app.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, intake.Operations * (options.WarmUp + options.Duration) / options.Duration);
            say($"  {intake.PerSecond:0} filings/s, p50 {intake.P50Ms:0.0} ms, p99 {intake.P99Ms:0.0} ms, {intake.Failures} failed; {cpuMsPerFiling:0.0} ms of the app's CPU per filing");

            // Open loop: a fixed arrival rate, each latency from its scheduled start (what a reporter waits at that load).
            rate = options.Rate > 0 ? options.Rate : Math.Max(1, Math.Round(intake.PerSecond / 2));
            say($"intake, open loop: {rate:0} filings/s offered for {options.Duration.TotalSeconds:0} s, at most {options.Connections} connections...");
            openIntake = await Latencies.AtRateAsync(rate, options.Connections, options.WarmUp, options.Duration, FileOne);
            await sampling.CancelAsync();
            await sampler;
            peakRss = app.MemoryMb("VmHWM");
            peakRssSampled = sampled;
            peakAnonSampled = sampledAnon;
            // Mapped files (the runtime, the framework and the app's ReadyToRun code) and shared memory (the JIT's
            // double-mapped code) as they stand after intake: the parts of VmHWM that are code, not data.
            fileRss = app.MemoryMb("RssFile");
            sharedRss = app.MemoryMb("RssShmem");
            say($"  p50 {openIntake.P50Ms:0.0} ms, p99 {openIntake.P99Ms:0.0} ms, {openIntake.Failures} failed; peak RSS {peakRss:0} MB (private {peakAnonSampled:0} MB)");

            say($"queue: {options.QueueRequests} first pages of /api/queue, one after the other, for the General Counsel and the Audit Committee...");
            var counselToken = LocalTokens.Issue(counsel, runFolder, TimeProvider.System).Token;
            var committeeToken = LocalTokens.Issue(committee, runFolder, TimeProvider.System).Token;
            counselQueue = await QueuePagesAsync(client, counselToken, CounselQueue, options.QueueRequests);
            committeeQueue = await QueuePagesAsync(client, committeeToken, CommitteeQueue, options.QueueRequests);
            // The floor under any API answer: the same client, token and pipeline (authentication, the per-request directory
            // look-up, authorization, Mediator, JSON) around a handler that reads a few rows (the waiver register).
            counselFloor = await GetSequentiallyAsync(client, counselToken, FloorPath, options.QueueRequests);
            committeeFloor = await GetSequentiallyAsync(client, committeeToken, FloorPath, options.QueueRequests);
            say($"  General Counsel p95 {counselQueue.P95Ms:0.0} ms, Audit Committee p95 {committeeQueue.P95Ms:0.0} ms; "
                + $"request floor ({FloorPath}) p95 {counselFloor.P95Ms:0.0} / {committeeFloor.P95Ms:0.0} ms");

            // The first pages after intake are served partly by code that tiered compilation has not finished with (the
            // queue's own code ran only 20 times before them). A server that has been up a while serves the page from
            // its final code: warm both viewers' pages up, alternating, then measure again.
            say($"queue, steady: {options.QueueWarmUp} more pages each, alternating, then {options.QueueRequests} each again...");
            await QueueWarmUpAsync(client, counselToken, committeeToken, options.QueueWarmUp);
            counselSteady = await QueuePagesAsync(client, counselToken, CounselQueue, options.QueueRequests, warmUps: 0);
            committeeSteady = await QueuePagesAsync(client, committeeToken, CommitteeQueue, options.QueueRequests, warmUps: 0);
            say($"  General Counsel p95 {counselSteady.P95Ms:0.0} ms, Audit Committee p95 {committeeSteady.P95Ms:0.0} ms");

            // What the pipeline alone allows at the intake's concurrency: the same authenticated request, closed loop.
            say($"request floor: GET {FloorPath} as the reporter at {options.Connections} connections for {options.Duration.TotalSeconds:0} s...");
            floorLoad = await Latencies.MeasureAsync(options.Connections, options.WarmUp, options.Duration, _ => GetAsync(client, reporterToken, FloorPath));
            say($"  {floorLoad.PerSecond:0} requests/s, p50 {floorLoad.P50Ms:0.0} ms, p99 {floorLoad.P99Ms:0.0} ms, {floorLoad.Failures} failed");

            if (_firstFailure is not null)
            {
                say($"  first failure: {_firstFailure}");
                var log = app.Output;
                say($"  the app's log, last lines:\n{log[Math.Max(0, log.Length - 4000)..]}");
            }
        }

        say($"raw: the {statements.Count(s => s.IsWrite)} write statements of a filing, replayed at {options.Connections} tasks on a copy of the same database...");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        LocalData.Copy(seeded, rawFolder);
        var raw = await RawIntake.ReplayAsync(Path.Combine(rawFolder, LocalData.DatabaseFile), statements, options.Connections, options.WarmUp, options.Duration);
        say($"  {raw.PerSecond:0} filings/s, p50 {raw.P50Ms:0.0} ms, p99 {raw.P99Ms:0.0} ms, {raw.Failures} failed {RawIntake.FirstError}");
        var openRaw = await RawIntake.ReplayAsync(Path.Combine(rawFolder, LocalData.DatabaseFile), statements, options.Connections, options.WarmUp, options.Duration, rate);
        say($"  open loop at {rate:0}/s: p50 {openRaw.P50Ms:0.0} ms, p99 {openRaw.P99Ms:0.0} ms, {openRaw.Failures} failed");

        var counselSql = await QueueSql.MeasureAsync(Path.Combine(runFolder, LocalData.DatabaseFile), counsel, CounselQueue, options.QueueRequests);
        var committeeSql = await QueueSql.MeasureAsync(Path.Combine(runFolder, LocalData.DatabaseFile), committee, CommitteeQueue, options.QueueRequests);

        var report = new LoadReport(
            DateTimeOffset.UtcNow, Environment.MachineName, Environment.ProcessorCount, Environment.Version.ToString(), LoadAverage(),
            options.Cases, seedSeconds, options.Connections, options.Duration.TotalSeconds, options.WebEnvironment,
            Median(webStarts), Median(webReady), Median(emptyStarts), webStarts, emptyStarts,
            intake, raw, statements.Count(s => s.IsWrite), peakRss, peakRssSampled,
            counselSteady, counselSql, committeeSteady, committeeSql)
        {
            CounselQueueAfterIntake = counselQueue,
            CommitteeQueueAfterIntake = committeeQueue,
            QueueWarmUp = options.QueueWarmUp,
            OpenLoopRate = rate,
            OpenIntake = openIntake,
            OpenRawIntake = openRaw,
            CpuMsPerFiling = cpuMsPerFiling,
            PeakRssPrivateMb = peakAnonSampled,
            FileRssMb = fileRss,
            SharedRssMb = sharedRss,
            IdleRssMb = Median(webIdle),
            EmptyAppIdleRssMb = Median(emptyIdle),
            CounselRequestFloor = counselFloor,
            CommitteeRequestFloor = committeeFloor,
            RequestFloorLoad = floorLoad,
        };
        var json = JsonSerializer.Serialize(report, Indented);
        if (options.Json)
        {
            Console.WriteLine(json);
        }
        else
        {
            Console.WriteLine();
            Console.WriteLine(report.Table());
        }

        var output = options.Output ?? Path.Combine(root, "tests", "EthicsCases.Benchmarks", "results",
            $"load-{DateTime.UtcNow:yyyy-MM-dd-HHmm}-{options.Cases}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, json);
        say($"results: {output}");
        return 0;
    }

    /// <summary>The authenticated request the request floor is measured with.</summary>
    private const string FloorPath = "/api/waivers";

    private static string QueuePath(CaseState[] states) => "/api/queue?" + string.Join('&', states.Select(s => $"state={s}"));

    private static Task<Latencies> QueuePagesAsync(HttpClient client, string token, CaseState[] states, int count, int warmUps = 20) =>
        GetSequentiallyAsync(client, token, QueuePath(states), count, warmUps);

    private static async Task QueueWarmUpAsync(HttpClient client, string counselToken, string committeeToken, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await GetAsync(client, counselToken, QueuePath(CounselQueue));
            await GetAsync(client, committeeToken, QueuePath(CommitteeQueue));
        }
    }

    private static Task<Latencies> GetSequentiallyAsync(HttpClient client, string token, string path, int count, int warmUps = 20) =>
        Latencies.SequentialAsync(warmUps, count, () => GetAsync(client, token, path));

    // One GET with the bearer token, the body read to the end; false (and the first failure kept) unless it succeeded.
    private static async Task<bool> GetAsync(HttpClient client, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await client.SendAsync(request);
        var body = await answer.Content.ReadAsStringAsync();
        return answer.IsSuccessStatusCode || Failed(answer, body);
    }

    private static string? _firstFailure;

    private static bool Failed(HttpResponseMessage answer, string body)
    {
        Interlocked.CompareExchange(ref _firstFailure, $"{(int)answer.StatusCode} {answer.RequestMessage?.RequestUri}: {body[..Math.Min(body.Length, 300)]}", null);
        return false;
    }

    private static HttpClient Client(Uri address, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };

    private static async Task PublishAsync(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // Published as docs/deploy.md publishes: framework-dependent, ReadyToRun for this machine's runtime identifier.
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var rid = $"{os}-{System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
        foreach (var arg in new[] { "publish", project, "-c", "Release", "-r", rid, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output, "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed:\n{await stdout}\n{await stderr}");
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EthicsCases.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the load driver from the repository (EthicsCases.sln not found above the build output).");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "";

    private static string Show(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => $"<{bytes.Length} bytes>",
        string text when text.Length > 60 => $"'{text[..60]}...'",
        string text => $"'{text}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
