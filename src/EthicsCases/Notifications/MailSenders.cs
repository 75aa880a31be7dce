using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace EthicsCases.Notifications;

/// <summary>Hands a mail to whatever carries it. Throws <see cref="MailDeliveryException"/> when it could not.</summary>
public interface IMailSender
{
    /// <summary>Sends one mail; returns once the carrier has accepted it.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>A mail was not accepted. <see cref="Permanent"/>: trying again will not help (a 5xx answer).</summary>
public sealed class MailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MailDeliveryException(string message, bool permanent, Exception? inner = null)
        : base(message, inner) => Permanent = permanent;

    /// <summary>Creates the exception (transient).</summary>
    public MailDeliveryException()
    {
    }

    /// <summary>Creates the exception (transient).</summary>
    public MailDeliveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (transient).</summary>
    public MailDeliveryException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The server refused for good: no retry.</summary>
    public bool Permanent { get; }
}

/// <summary>Sends through an SMTP server with MailKit, one connection per mail.</summary>
public sealed class SmtpMailSender(SmtpSettings settings, TimeProvider clock) : IMailSender
{
    /// <inheritdoc />
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = NotificationMail.ToMime(mail, settings.From, clock.GetUtcNow());
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = !settings.UseTls ? SecureSocketOptions.None
                : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), settings.Port, security, ct);
            if (settings.User is not null)
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (SmtpCommandException e)
        {
            // 5xx is the server's final word on this mail (unknown mailbox, policy); 4xx asks us to come back later.
            throw new MailDeliveryException($"SMTP {(int)e.StatusCode} {e.ErrorCode}: {e.Message}", permanent: (int)e.StatusCode >= 500, e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException
            or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            throw new MailDeliveryException($"{e.GetType().Name}: {e.Message}", permanent: false, e);
        }
    }
}

/// <summary>
/// Writes each mail as an .eml file to a folder instead of sending it: for development and for a deployment without
/// an SMTP server (<c>Smtp:Host</c> unset). Nobody receives these; they can be opened with any mail client.
/// </summary>
public sealed class PickupFolderMailSender(string directory, string from, TimeProvider clock) : IMailSender
{
    /// <summary>The folder written to.</summary>
    public string Directory { get; } = directory;

    /// <inheritdoc />
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var now = clock.GetUtcNow();
            var message = NotificationMail.ToMime(mail, from, now);
            var path = Path.Combine(Directory, $"{now:yyyyMMdd'T'HHmmss}-{mail.Id:N}.eml");
            // Written under a temporary name and renamed, so a reader never sees half a message.
            var temporary = path + ".tmp";
            await message.WriteToAsync(temporary, ct);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailDeliveryException($"{e.GetType().Name}: {e.Message}", permanent: false, e);
        }
    }
}
