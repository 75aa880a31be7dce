using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace EthicsCases.Benchmarks.Load;

/// <summary>
/// A published app started as <c>dotnet App.dll --urls http://127.0.0.1:PORT</c>, timed from process start to the first
/// 200 from <c>/health</c>, killed with its tree on dispose.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Process start to the first 200 from <c>/health</c>.</summary>
    public TimeSpan ColdStart { get; private set; }

    public int Id => _process.Id;

    /// <summary>Process start to the first 200 from <c>/health/ready</c>, when asked for.</summary>
    public TimeSpan? Ready { get; private set; }

    public static async Task<AppProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null, bool waitForReady = false)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        var health = new Uri($"http://127.0.0.1:{port}/health");
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        while (clock.Elapsed < limit && !process.HasExited)
        {
            try
            {
                using var answer = await probe.GetAsync(health);
                if (answer.IsSuccessStatusCode && app.ColdStart == TimeSpan.Zero)
                {
                    app.ColdStart = clock.Elapsed;
                    if (!waitForReady)
                    {
                        return app;
                    }

                    health = new Uri(health, "/health/ready");
                    continue;
                }

                if (answer.IsSuccessStatusCode)
                {
                    app.Ready = clock.Elapsed;
                    return app;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or answering too slowly on a busy machine: ask again.
            }

            await Task.Delay(5);
        }

        var output = app.Output;
        app.Dispose();
        throw new InvalidOperationException($"{Path.GetFileName(dll)} did not answer 200 on /health within {limit.TotalSeconds:0} s:\n{output}");
    }

    public string Output
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>A field of <c>/proc/PID/status</c> in MB (VmHWM: peak resident set; VmRSS: now).</summary>
    /// <summary>The process's processor time so far (user and system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public double MemoryMb(string field = "VmHWM")
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
