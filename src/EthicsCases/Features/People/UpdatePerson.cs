using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.People;

/// <summary>
/// Changes a directory entry (Administrator). Null leaves a field as it is; <see cref="Roles"/>, when given,
/// replaces the roles (an empty list takes every role away); an empty <see cref="Title"/> clears it.
/// <see cref="TenantId"/> and <see cref="ObjectId"/> link the person to an Entra ID account (both or neither).
/// Takes effect on the person's next request, whatever token or cookie they hold.
/// </summary>
public sealed record UpdatePerson(string Email, string? Name = null, string? Title = null, IReadOnlyList<string>? Roles = null,
    string? TenantId = null, string? ObjectId = null) : ICommand<DirectoryPerson>, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles => [Role.Administrator];
}

/// <summary>Rules for a directory change; the lengths are the directory's (<see cref="AddPersonValidator"/>).</summary>
public sealed class UpdatePersonValidator : AbstractValidator<UpdatePerson>
{
    public UpdatePersonValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(320);
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200).When(c => c.Name is not null);
        RuleFor(c => c.Title).MaximumLength(200);
        RuleForEach(c => c.Roles).Must(r => Enum.GetNames<Role>().Contains(r, StringComparer.OrdinalIgnoreCase))
            .WithMessage((_, r) => $"'{r}' is not a role; use one of {string.Join(", ", Enum.GetNames<Role>())}.");
        RuleFor(c => c.TenantId).Must(BeAnId).When(c => c.TenantId is not null)
            .WithMessage("The tenant id is the directory (tenant) GUID of Microsoft Entra ID, e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47.");
        RuleFor(c => c.ObjectId).Must(BeAnId).When(c => c.ObjectId is not null)
            .WithMessage("The object id is the account's GUID in Microsoft Entra ID (its 'oid').");
        RuleFor(c => c.ObjectId).NotNull().When(c => c.TenantId is not null).WithMessage("Give the object id with the tenant id.");
        RuleFor(c => c.TenantId).NotNull().When(c => c.ObjectId is not null).WithMessage("Give the tenant id with the object id.");
    }

    internal static bool BeAnId(string? value) => Guid.TryParse(value, out var id) && id != Guid.Empty;
}

/// <summary>Applies the change, keeps an active Administrator, and audits it on the directory chain.</summary>
public sealed class UpdatePersonHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<UpdatePerson, DirectoryPerson>
{
    public async ValueTask<DirectoryPerson> Handle(UpdatePerson command, CancellationToken cancellationToken)
    {
        var person = await DirectoryRules.LoadAsync(db, command.Email, cancellationToken);
        var previousRoles = person.Roles.ToList();
        var changes = new List<string>();

        if (command.Name is not null && command.Name.Trim() != person.Name)
        {
            changes.Add("name");
        }

        var title = command.Title is null ? person.Title : string.IsNullOrWhiteSpace(command.Title) ? null : command.Title.Trim();
        if (title != person.Title)
        {
            changes.Add("title");
        }

        person.Describe(command.Name ?? person.Name, title);

        if (command.Roles is not null)
        {
            var roles = command.Roles.Select(r => Enum.Parse<Role>(r, ignoreCase: true)).Distinct().Order().ToList();
            if (!roles.SequenceEqual(previousRoles))
            {
                if (person.Active && person.Has(Role.Administrator) && !roles.Contains(Role.Administrator))
                {
                    await DirectoryRules.KeepAnAdministratorAsync(db, person, cancellationToken);
                }

                person.Grant(roles);
                changes.Add("roles");
            }
        }

        if (command.TenantId is not null && command.ObjectId is not null)
        {
            var tenantId = Guid.Parse(command.TenantId);
            var objectId = Guid.Parse(command.ObjectId);
            if (person.TenantId != tenantId || person.ObjectId != objectId)
            {
                var holder = await db.People.AsNoTracking()
                    .Where(p => p.TenantId == tenantId && p.ObjectId == objectId && p.Id != person.Id)
                    .Select(p => p.Email).FirstOrDefaultAsync(cancellationToken);
                if (holder is not null)
                {
                    throw new ConflictException($"That Entra ID account is already linked to {holder}.");
                }

                person.LinkTo(tenantId, objectId);
                changes.Add("link");
            }
        }

        if (changes.Count > 0)
        {
            await DirectoryAudit.RecordAsync(db, actor.Current.Email, "PersonUpdated", clock.GetUtcNow().UtcDateTime,
                JsonSerializer.Serialize(new
                {
                    personId = person.Id,
                    email = person.Email,
                    changes,
                    roles = person.Roles.Select(r => r.ToString()),
                    previousRoles = previousRoles.Select(r => r.ToString()),
                    tenantId = person.TenantId,
                    objectId = person.ObjectId,
                }), cancellationToken);
            await db.SaveOrConflictAsync($"Directory entry {person.Email}", cancellationToken);
        }

        return DirectoryPerson.Of(person);
    }
}
