using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.People;

/// <summary>
/// Takes a person out of the directory (Administrator): from their next request on they sign in to nothing and act
/// on nothing, whatever token or cookie they hold. The row stays, since cases and the audit trail name it.
/// </summary>
public sealed record DeactivatePerson(string Email, string Reason) : ICommand<DirectoryPerson>, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles => [Role.Administrator];
}

/// <summary>Rules for a deactivation: the reason is required.</summary>
public sealed class DeactivatePersonValidator : AbstractValidator<DeactivatePerson>
{
    public DeactivatePersonValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(320);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(1000);
    }
}

/// <summary>Deactivates, keeps an active Administrator, and audits it with the reason's SHA-256.</summary>
public sealed class DeactivatePersonHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<DeactivatePerson, DirectoryPerson>
{
    public async ValueTask<DirectoryPerson> Handle(DeactivatePerson command, CancellationToken cancellationToken)
    {
        var person = await DirectoryRules.LoadAsync(db, command.Email, cancellationToken);
        if (!person.Active)
        {
            throw new ConflictException($"{person.Email} was already deactivated on {person.DeactivatedAt:yyyy-MM-dd}.");
        }

        if (person.Has(Role.Administrator))
        {
            await DirectoryRules.KeepAnAdministratorAsync(db, person, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        person.Deactivate(now, command.Reason);
        // The reason is free text: the person row keeps it, the chain keeps its hash, which proves it unaltered.
        await DirectoryAudit.RecordAsync(db, actor.Current.Email, "PersonDeactivated", now,
            JsonSerializer.Serialize(new
            {
                personId = person.Id,
                email = person.Email,
                roles = person.Roles.Select(r => r.ToString()),
                reasonSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(person.DeactivationReason!))),
            }), cancellationToken);
        await db.SaveOrConflictAsync($"Directory entry {person.Email}", cancellationToken);
        return DirectoryPerson.Of(person);
    }
}
