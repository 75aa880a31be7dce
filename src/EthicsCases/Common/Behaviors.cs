using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Common;

/// <summary>Runs every FluentValidation validator of the message; rejects with all failures by field.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationFailedException(failures
                .GroupBy(f => ToCamel(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }

        return await next(message, cancellationToken);
    }

    private static string ToCamel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>
/// Who may see and who may act: resolves the actor, enforces role requirements, and answers "not found" for a case
/// the actor may not see, so that its existence is not revealed. What the actor may fire is the workflow's guards.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ActorContext actor, EthicsDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IActorRequest)
        {
            if (string.IsNullOrWhiteSpace(actor.Email))
            {
                throw new ForbiddenException("Sign in first: this request needs a directory person.");
            }

            var email = Person.NormalizeEmail(actor.Email);
            // One directory read per scope: a page that sends several messages, or a host that already resolved the
            // person, does not read it again.
            if (actor.Person?.Email != email)
            {
                // A deactivated person is no longer in the directory, whatever token, cookie or --as they bring.
                actor.Person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Email == email && p.DeactivatedAt == null, cancellationToken)
                    ?? throw new ForbiddenException($"'{actor.Email}' is not in the directory.");
            }

            var allowed = RolesOf(message);
            if (allowed is not null && !allowed.Any(actor.Person.Has))
            {
                throw new ForbiddenException($"This needs one of the roles {string.Join(", ", allowed)}.");
            }

            if (message is ICaseRequest caseRequest)
            {
                var found = await CaseLookup.FindVisibleAsync(db, caseRequest.CaseKey, actor.Person, cancellationToken);
                if (!found)
                {
                    throw new NotFoundException($"Case '{caseRequest.CaseKey}' was not found.");
                }
            }
        }

        return await next(message, cancellationToken);
    }

    // Read once per message type: the roles a message demands are part of its type.
    private static IReadOnlyList<Role>? RolesOf(TMessage message) => RoleRequirement.For(message.GetType());
}

/// <summary>The roles an <see cref="IRoleRequest"/> message type demands, read once per type.</summary>
internal static class RoleRequirement
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyList<Role>?> Cache = new();

    /// <summary>The allowed roles, or null when the type demands none.</summary>
    public static IReadOnlyList<Role>? For(Type messageType) => Cache.GetOrAdd(messageType, static type =>
        type.GetInterfaces().Contains(typeof(IRoleRequest))
            ? (IReadOnlyList<Role>?)type.GetProperty(nameof(IRoleRequest.AllowedRoles),
                System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null)
            : null);
}
