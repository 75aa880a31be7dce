using EthicsCases.Common;

namespace EthicsCases.Web.Auth;

/// <summary>
/// Hands the signed-in person's e-mail to the application's <see cref="ActorContext"/>. Runs after authorization,
/// when <c>HttpContext.User</c> holds the principal of the endpoint's scheme (cookie, OpenID Connect or bearer).
/// </summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    /// <summary>Sets the actor and continues.</summary>
    public Task InvokeAsync(HttpContext context, ActorContext actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actor);
        actor.Email = AuthSetup.EmailOf(context.User);
        return next(context);
    }
}
