using EthicsCases.Domain;

namespace EthicsCases.Common;

/// <summary>
/// Who is acting in this scope. The host sets <see cref="Email"/> from the signed-in user (web) or <c>--as</c>
/// (CLI); the authorization behaviour resolves it against the directory. Commands never carry the actor, so a
/// request body cannot impersonate anyone.
/// </summary>
public sealed class ActorContext
{
    /// <summary>The e-mail of the signed-in person, or null when nobody is.</summary>
    public string? Email { get; set; }

    /// <summary>
    /// Which door the request came through: <see cref="Channels.Web"/> (pages), <see cref="Channels.Api"/> or
    /// <see cref="Channels.Cli"/>; set by the host, for the audit trail.
    /// </summary>
    public string? Channel { get; set; }

    /// <summary>The operating-system account that ran the command (CLI only), for the audit trail.</summary>
    public string? OsUser { get; set; }

    /// <summary>Set once the actor is found in the directory (by the authorization behaviour, or by the host's sign-in).</summary>
    public Person? Person { get; internal set; }

    /// <summary>
    /// The host has just read the signed-in person from the directory (the web app's claims transformation does): the
    /// authorization behaviour reuses it for this scope instead of reading it again.
    /// </summary>
    public void Resolved(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        Email = person.Email;
        Person = person;
    }

    /// <summary>Nobody from the directory is acting (the host found no active person for the request's account).</summary>
    public void SignedOut()
    {
        Email = null;
        Person = null;
    }

    /// <summary>The resolved actor; only valid inside handlers of <see cref="IActorRequest"/> messages.</summary>
    public Person Current => Person ?? throw new InvalidOperationException("No actor was resolved for this request.");
}

/// <summary>Values of <see cref="ActorContext.Channel"/>.</summary>
public static class Channels
{
    /// <summary>The web pages (cookie session).</summary>
    public const string Web = "web";

    /// <summary>The JSON API under <c>/api</c> (bearer token).</summary>
    public const string Api = "api";

    /// <summary>The <c>ethics</c> command line.</summary>
    public const string Cli = "cli";
}

/// <summary>A message that must be sent by a known directory person.</summary>
public interface IActorRequest;

/// <summary>A message about one case; the sender must be allowed to see it or the case is "not found".</summary>
public interface ICaseRequest : IActorRequest
{
    /// <summary>The case id (GUID) or reference (EC-YYYY-NNNN).</summary>
    string CaseKey { get; }
}

/// <summary>A message only some roles may send.</summary>
public interface IRoleRequest : IActorRequest
{
    /// <summary>Any one of these roles is enough.</summary>
    static abstract IReadOnlyList<Role> AllowedRoles { get; }
}
