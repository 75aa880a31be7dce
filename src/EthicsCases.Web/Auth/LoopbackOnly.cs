using System.Net;

namespace EthicsCases.Web.Auth;

/// <summary>
/// Local sign-in mode lets anyone act as anyone, so it serves this machine only: a request from any address but
/// loopback is refused before it reaches sign-in, a page or the API. The address is the connection's, or the client's
/// as a configured forwarding proxy reports it (a proxy on this machine does not make a remote client local).
/// </summary>
public sealed class LoopbackOnly(RequestDelegate next)
{
    /// <summary>Refuses non-loopback callers with 403.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsLocal(context.Connection.RemoteIpAddress))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Local sign-in mode (Auth:Mode=Local) answers this machine only. Use Microsoft Entra ID (Auth:Mode=EntraId) to serve other machines.");
    }

    /// <summary>Loopback, or no address at all (an in-process or Unix-socket caller).</summary>
    public static bool IsLocal(IPAddress? address) =>
        address is null || IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}
