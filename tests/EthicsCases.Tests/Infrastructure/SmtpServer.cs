using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace EthicsCases.Tests.Infrastructure;

/// <summary>One message as the SMTP server received it: the envelope, the headers, the decoded text and the raw file.</summary>
public sealed record ReceivedMail(string EnvelopeFrom, string EnvelopeTo, string From, IReadOnlyList<string> To, string Subject,
    string Body, string MessageId, string Raw);

/// <summary>
/// A real SMTP server for the tests: Debian's aiosmtpd on a free loopback port, storing each message it accepts in a
/// Maildir that the test reads back. It can be stopped and started again on the same port (a server that is down).
/// Needs <c>apt-get install -y python3-aiosmtpd</c> (as .ci/run does), which installs for Debian's /usr/bin/python3.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    private SmtpServer(int port, string maildir)
    {
        Port = port;
        Maildir = maildir;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The Maildir it writes to (messages land in its <c>new</c> folder).</summary>
    public string Maildir { get; }

    /// <summary>Settings that point the application's SMTP sender here (plain SMTP, no credentials).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:UseTls"] = "false",
        ["Smtp:From"] = "ethics-cases@test.example",
    };

    /// <summary>Starts a server on a free port with an empty Maildir and waits until it accepts connections.</summary>
    public static async Task<SmtpServer> StartAsync()
    {
        if (!File.Exists(Python) || Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true }) is not { } probe
            || !await ExitedCleanly(probe))
        {
            Assert.Fail("aiosmtpd is not installed: run 'apt-get install -y python3-aiosmtpd' (as .ci/run does).");
        }

        var maildir = Path.Combine(Path.GetTempPath(), $"ethics-smtp-{Guid.NewGuid():N}");
        // Python's Maildir creates its tmp/new/cur only when the folder itself is missing; make them all.
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }

        var server = new SmtpServer(FreePort(), maildir);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port; returns once it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is not null)
        {
            return;
        }

        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"aiosmtpd exited ({_process.ExitCode}): {await _process.StandardError.ReadToEndAsync()}");
            }

            if (await Accepts())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"aiosmtpd did not accept connections on port {Port} within 20 s.");
    }

    /// <summary>Stops the server; connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
        while (await Accepts())
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Received()
    {
        var folder = Path.Combine(Maildir, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder)
            .Select(f => (File: f, Written: File.GetLastWriteTimeUtc(f)))
            .OrderBy(f => f.Written).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => Read(f.File))
            .ToList();
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived (or the timeout passes) and returns them all.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var received = Received();
        while (received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            received = Received();
        }

        return received;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Maildir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static ReceivedMail Read(string file)
    {
        var raw = File.ReadAllText(file);
        using var message = MimeMessage.Load(file);
        return new ReceivedMail(
            message.Headers["X-MailFrom"] ?? "",
            message.Headers["X-RcptTo"] ?? "",
            message.From.Mailboxes.Single().Address,
            message.To.Mailboxes.Select(m => m.Address).ToList(),
            message.Subject ?? "",
            message.TextBody ?? "",
            message.MessageId ?? "",
            raw);
    }

    private async Task<bool> Accepts()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<bool> ExitedCleanly(Process process)
    {
        using (process)
        {
            await process.WaitForExitAsync();
            return process.ExitCode == 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
