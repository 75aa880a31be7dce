using EthicsCases.Domain;

namespace EthicsCases.Common;

/// <summary>
/// Who is acting in this scope. The host sets <see cref="Email"/> from the signed-in user (web) or <c>--as</c>
/// (CLI); the authorization behaviour resolves it against the directory. Commands never carry the actor, so a
/// request body cannot impersonate anyone. For an <see cref="IAnonymousCredentialRequest"/> the behaviour records the
/// case the credential opened in <see cref="AnonymousCase"/> instead.
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

    /// <summary>The case whose anonymous credential the authorization behaviour verified in this scope, if any.</summary>
    public Guid? AnonymousCaseId { get; internal set; }

    /// <summary>The verified anonymous reporter's case; only valid inside handlers of <see cref="IAnonymousCredentialRequest"/> messages.</summary>
    public Guid AnonymousCase => AnonymousCaseId ?? throw new InvalidOperationException("No anonymous credential was verified for this request.");
}

// Every Mediator message declares who may send it with exactly one of IPublicRequest, IAnonymousCredentialRequest,
// IOperatorRequest or IActorRequest (alone, or refined by IRoleRequest and/or ICaseRequest). The authorization behaviour refuses a message
// that declares none, and a test enumerates them all (docs/adr/ADR-009-authorization-model.md).

/// <summary>
/// A message anyone may send, signed in or not: it reads no stored data (<c>CheckForm4</c>, <c>RecommendSanction</c>),
/// or it is meant for everyone (filing an anonymous report, verifying the audit chain's integrity).
/// </summary>
public interface IPublicRequest;

/// <summary>
/// A message of the anonymous reporter, who proves the report key and password before anything else happens. The
/// authorization behaviour verifies them and puts the case they open in <see cref="ActorContext.AnonymousCase"/>.
/// </summary>
public interface IAnonymousCredentialRequest
{
    /// <summary>Longest report key accepted; a longer one is never looked up.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>Longest password accepted; a longer one is never hashed.</summary>
    public const int MaxPasswordLength = 128;

    /// <summary>The report key given on filing.</summary>
    string ReportKey { get; }

    /// <summary>The password given on filing.</summary>
    string Password { get; }
}

/// <summary>
/// A message about the record itself that only an operator on a host holding the record's keys sends: verifying the
/// whole record, checkpoints, resealing, key rotation, the retention run. No web endpoint maps one, and the pipeline
/// refuses one that arrives through the web or the API whatever the mapping.
/// </summary>
public interface IOperatorRequest;

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

/// <summary>A message that must be sent by a known directory person (any role, or none, unless refined below).</summary>
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

/// <summary>
/// A role-required message that may also be sent by anyone, with no actor, while the directory holds no
/// Administrator: how a fresh database gets its first Administrator (<c>ethics people add</c>, <c>ethics demo seed</c>).
/// Once an Administrator exists, the roles apply as for any <see cref="IRoleRequest"/>.
/// </summary>
public interface IBootstrapRequest : IRoleRequest;
