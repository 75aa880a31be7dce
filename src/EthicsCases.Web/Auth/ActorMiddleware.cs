using EthicsCases.Common;
using EthicsCases.Features.People;

namespace EthicsCases.Web.Auth;

/// <summary>
/// Hands the signed-in directory person to the application's <see cref="ActorContext"/>. Runs after authorization, when <c>HttpContext.User</c> holds the principal of the endpoint's scheme (cookie,
/// OpenID Connect or bearer), whose <c>ethics:person</c> claim only the directory look-up can have added.
/// </summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    /// <summary>
    /// The door a request uses: the API or the pages. Set before authentication, so that what the directory look-up
    /// records (a first-sign-in link) already knows it.
    /// </summary>
    public static Task SetChannel(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.RequestServices.GetRequiredService<ActorContext>().Channel =
            context.Request.Path.StartsWithSegments("/api") ? Channels.Api : Channels.Web;
        return next();
    }

    /// <summary>Sets the actor and continues.</summary>
    public async Task InvokeAsync(HttpContext context, ActorContext actor, DirectorySignIn directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(directory);
        var id = Guid.TryParse(context.User.FindFirst(AuthSetup.DirectoryPersonId)?.Value, out var personId) ? personId : (Guid?)null;
        if (id is null)
        {
            actor.SignedOut();
        }
        else if (actor.Person?.Id != id)
        {
            // The look-up resolved another scheme's principal last (a cookie next to the API's bearer token).
            if (await directory.FindAsync(id.Value, context.RequestAborted) is { } person)
            {
                actor.Resolved(person);
            }
            else
            {
                actor.SignedOut();
            }
        }

        await next(context);
    }
}
