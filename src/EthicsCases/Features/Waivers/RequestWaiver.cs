using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Waivers;

/// <summary>
/// A covered officer asks for a waiver of a provision of the code for themselves, or the General Counsel asks on an
/// officer's behalf.
/// </summary>
/// <param name="Person">The officer the waiver is for (e-mail).</param>
/// <param name="Provision">The provision of the code to be waived.</param>
/// <param name="Reason">Why.</param>
public sealed record RequestWaiver(string Person, string Provision, string Reason) : ICommand<RequestedWaiver>, IRoleRequest
{
    /// <inheritdoc />
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.Officer, Role.GeneralCounsel];
}

/// <summary>The contract's <c>{"waiverId","state"}</c>.</summary>
public sealed record RequestedWaiver(Guid WaiverId, WaiverState State, string Person);

/// <summary>Rules that need no database.</summary>
public sealed class RequestWaiverValidator : AbstractValidator<RequestWaiver>
{
    /// <summary>Declares the rules.</summary>
    public RequestWaiverValidator()
    {
        RuleFor(c => c.Person).NotEmpty().MaximumLength(320);
        RuleFor(c => c.Provision).NotEmpty().WithMessage("Name the provision of the code to be waived.").MaximumLength(1000);
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for the waiver.").MaximumLength(4000);
    }
}

/// <summary>Stores the request and audits it (hashes of the texts only).</summary>
public sealed class RequestWaiverHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<RequestWaiver, RequestedWaiver>
{
    /// <inheritdoc />
    public async ValueTask<RequestedWaiver> Handle(RequestWaiver command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var person = (await PeopleLookup.ResolveAsync(db, [command.Person], "person", cancellationToken))[0];
        var waiver = Waiver.Request(Guid.NewGuid(), person, me, command.Provision, command.Reason, now);
        db.Waivers.Add(waiver);
        await WaiverAudit.RecordAsync(db, me, "WaiverRequested", now, new
        {
            waiverId = waiver.Id,
            personId = person.Id,
            state = waiver.State,
            onBehalf = person.Id != me.Id,
            provisionSha256 = TextHash.Of(waiver.Provision),
            reasonSha256 = TextHash.Of(waiver.Reason),
        }, cancellationToken);
        await db.SaveOrConflictAsync($"Waiver {waiver.Id}", cancellationToken);
        return new RequestedWaiver(waiver.Id, waiver.State, person.Email);
    }
}
