using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.People;

/// <summary>
/// Adds a person to the directory: an Administrator's task, or anyone's while the directory has no Administrator yet
/// (how a fresh database gets its first one).
/// </summary>
public sealed record AddPerson(string Email, string Name, IReadOnlyList<string> Roles, string? Title = null, string? Cik = null)
    : ICommand<AddPersonResult>, IBootstrapRequest
{
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.Administrator];
}

/// <summary>The new person's id.</summary>
public sealed record AddPersonResult(Guid PersonId);

/// <summary>Rules for a directory entry.</summary>
public sealed class AddPersonValidator : AbstractValidator<AddPerson>
{
    public AddPersonValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(320).EmailAddress();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Title).MaximumLength(200);
        RuleFor(c => c.Cik).Matches("^[0-9]{1,10}$").When(c => c.Cik is not null).WithMessage("A CIK is 1 to 10 digits.");
        RuleForEach(c => c.Roles).IsEnumName<AddPerson, Role>("role");
    }
}

/// <summary>Stores the person and audits the addition.</summary>
public sealed class AddPersonHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<AddPerson, AddPersonResult>
{
    public async ValueTask<AddPersonResult> Handle(AddPerson command, CancellationToken cancellationToken)
    {
        var email = Person.NormalizeEmail(command.Email);
        if (await db.People.AnyAsync(p => p.Email == email, cancellationToken))
        {
            throw new ConflictException($"'{email}' is already in the directory.");
        }

        var roles = command.Roles.Select(EnumNames.Parse<Role>).ToList();
        var person = new Person(Guid.NewGuid(), email, command.Name, command.Title, roles) { Cik = command.Cik };
        db.People.Add(person);
        await DirectoryAudit.RecordAsync(db, actor.Email, "PersonAdded", clock.GetUtcNow().UtcDateTime,
            JsonSerializer.Serialize(new { personId = person.Id, email, roles = person.Roles.Select(r => r.ToString()) }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new AddPersonResult(person.Id);
    }
}
