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
/// Who may send what, before anything else looks at the message (validation included, so a caller who may not send it
/// learns nothing from the validation messages either). Each message declares one rule (<see cref="AccessRules"/>):
/// public messages pass; an anonymous reporter's credential is verified; otherwise the actor is resolved in the
/// directory, the roles are enforced, and a case the actor may not see is "not found", so its existence is not
/// revealed. A message with no declaration is refused. What the actor may fire is the workflow's guards.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ActorContext actor, EthicsDbContext db, Security.AnonymousPasswordHasher hasher)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    /// <summary>The longest case key looked up; ids and references are far shorter.</summary>
    public const int MaxCaseKeyLength = 64;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var access = AccessRules.Of(message.GetType());
        switch (access.Kind)
        {
            case AccessKind.Public:
                break;
            case AccessKind.AnonymousCredential:
                await VerifyCredentialAsync((IAnonymousCredentialRequest)message, cancellationToken);
                break;
            case AccessKind.Operator:
                if (actor.Channel is Channels.Web or Channels.Api)
                {
                    throw new ForbiddenException($"{typeof(TMessage).Name} is an operator's command on a host that holds the record's keys; it is never sent through the web.");
                }

                break;
            case AccessKind.DirectoryPerson or AccessKind.RoleRequired or AccessKind.CaseScoped:
                if (access.Bootstrap && !await db.People.AnyAsync(p => p.Roles.Contains(Role.Administrator), cancellationToken))
                {
                    // A fresh directory: nobody could hold the role yet, so whoever runs the host may add the first Administrator.
                    break;
                }

                await AuthorizeActorAsync(message, access, cancellationToken);
                break;
            default:
                throw new ForbiddenException($"{typeof(TMessage).Name} declares no authorization rule, so nobody may send it.");
        }

        return await next(message, cancellationToken);
    }

    private async Task AuthorizeActorAsync(TMessage message, AccessRule access, CancellationToken ct)
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
            actor.Person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Email == email && p.DeactivatedAt == null, ct)
                ?? throw new ForbiddenException($"'{actor.Email}' is not in the directory.");
        }

        if (access.Roles is { } allowed && !allowed.Any(actor.Person.Has))
        {
            throw new ForbiddenException($"This needs one of the roles {string.Join(", ", allowed)}.");
        }

        if (message is ICaseRequest caseRequest)
        {
            // Validation has not run yet: a key no case could have is simply not found.
            var key = caseRequest.CaseKey;
            if (string.IsNullOrWhiteSpace(key) || key.Length > MaxCaseKeyLength
                || !await CaseLookup.FindVisibleAsync(db, key, actor.Person, ct))
            {
                throw new NotFoundException($"Case '{Shorten(key)}' was not found.");
            }
        }
    }

    private async Task VerifyCredentialAsync(IAnonymousCredentialRequest request, CancellationToken ct)
    {
        // A key or password no credential could have is refused like a wrong one, without paying for the hash.
        if (string.IsNullOrWhiteSpace(request.ReportKey) || request.ReportKey.Length > IAnonymousCredentialRequest.MaxKeyLength
            || string.IsNullOrEmpty(request.Password) || request.Password.Length > IAnonymousCredentialRequest.MaxPasswordLength
            || !InputRules.IsPlainText(request.ReportKey) || !InputRules.IsPlainText(request.Password))
        {
            // The same words as a wrong credential (AnonymousAccess), so the two cannot be told apart.
            throw new NotFoundException("No report matches this report key and password.");
        }

        actor.AnonymousCaseId = await Features.Anonymous.AnonymousAccess.VerifyAsync(db, hasher, request.ReportKey, request.Password, ct);
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= MaxCaseKeyLength ? text : text[..MaxCaseKeyLength] + "…";
}
