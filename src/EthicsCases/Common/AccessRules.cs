using System.Collections.Concurrent;
using System.Reflection;
using EthicsCases.Domain;

namespace EthicsCases.Common;

/// <summary>The kinds of authorization a message can declare.</summary>
public enum AccessKind
{
    /// <summary>The message declares nothing (or contradicts itself): nobody may send it.</summary>
    Undeclared,

    /// <summary><see cref="IPublicRequest"/>: anyone, signed in or not.</summary>
    Public,

    /// <summary><see cref="IAnonymousCredentialRequest"/>: whoever holds the report key and password.</summary>
    AnonymousCredential,

    /// <summary><see cref="IOperatorRequest"/>: an operator on a host that holds the record's keys, never through the web.</summary>
    Operator,

    /// <summary><see cref="IActorRequest"/> alone: any directory person.</summary>
    DirectoryPerson,

    /// <summary><see cref="IRoleRequest"/>: a directory person with one of the roles.</summary>
    RoleRequired,

    /// <summary><see cref="ICaseRequest"/> (optionally with roles): a directory person who may see the case.</summary>
    CaseScoped,
}

/// <summary>What a message type declares.</summary>
/// <param name="Kind">The rule.</param>
/// <param name="Roles">Any one of these roles is needed; null when the rule names none.</param>
/// <param name="Bootstrap">Also open to anyone while the directory has no Administrator (<see cref="IBootstrapRequest"/>).</param>
/// <param name="Problem">Why a message is <see cref="AccessKind.Undeclared"/>.</param>
public sealed record AccessRule(AccessKind Kind, IReadOnlyList<Role>? Roles, bool Bootstrap, string? Problem);

/// <summary>Reads the rule a message type declares, once per type.</summary>
public static class AccessRules
{
    private static readonly ConcurrentDictionary<Type, AccessRule> Cache = new();

    /// <summary>The declaration of <paramref name="messageType"/>.</summary>
    public static AccessRule Of(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return Cache.GetOrAdd(messageType, Read);
    }

    private static AccessRule Read(Type type)
    {
        var roots = new[] { typeof(IPublicRequest), typeof(IAnonymousCredentialRequest), typeof(IOperatorRequest), typeof(IActorRequest) }
            .Where(root => root.IsAssignableFrom(type))
            .ToList();
        if (roots.Count != 1)
        {
            return new AccessRule(AccessKind.Undeclared, null, false, roots.Count == 0
                ? $"{type.Name} declares none of IPublicRequest, IAnonymousCredentialRequest, IOperatorRequest, IActorRequest (or IRoleRequest, ICaseRequest)."
                : $"{type.Name} declares several rules: {string.Join(", ", roots.Select(r => r.Name))}.");
        }

        if (roots[0] == typeof(IPublicRequest)) return new AccessRule(AccessKind.Public, null, false, null);
        if (roots[0] == typeof(IAnonymousCredentialRequest)) return new AccessRule(AccessKind.AnonymousCredential, null, false, null);
        if (roots[0] == typeof(IOperatorRequest)) return new AccessRule(AccessKind.Operator, null, false, null);

        var roles = typeof(IRoleRequest).IsAssignableFrom(type)
            ? (IReadOnlyList<Role>?)type.GetProperty(nameof(IRoleRequest.AllowedRoles), BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            : null;
        if (typeof(IRoleRequest).IsAssignableFrom(type) && (roles is null || roles.Count == 0))
        {
            return new AccessRule(AccessKind.Undeclared, null, false, $"{type.Name} requires roles but names none.");
        }

        var kind = typeof(ICaseRequest).IsAssignableFrom(type) ? AccessKind.CaseScoped
            : roles is not null ? AccessKind.RoleRequired
            : AccessKind.DirectoryPerson;
        return new AccessRule(kind, roles, typeof(IBootstrapRequest).IsAssignableFrom(type), null);
    }
}
