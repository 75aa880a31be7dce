using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Features.Determinations;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Advice;

/// <summary>The General Counsel records advice given to a person on the proper course of action.</summary>
public sealed record RecordAdvice(string Person, string Category, DateOnly? Date, string Summary) : ICommand<AdviceEntry>, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.GeneralCounsel];
}

/// <summary>Rules for a ledger entry.</summary>
public sealed class RecordAdviceValidator : AbstractValidator<RecordAdvice>
{
    public RecordAdviceValidator(TimeProvider clock)
    {
        RuleFor(c => c.Person).NotEmpty().MaximumLength(320);
        RuleFor(c => c.Category).IsEnumName<RecordAdvice, ConcernCategory>("concern category");
        RuleFor(c => c.Date).NotNull().WithMessage("The date the advice was given is required (YYYY-MM-DD).")
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("Advice cannot be given in the future.");
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(4000);
    }
}

/// <summary>Stores the entry and audits it in the directory chain (advice belongs to a person, not to a case).</summary>
public sealed class RecordAdviceHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<RecordAdvice, AdviceEntry>
{
    public async ValueTask<AdviceEntry> Handle(RecordAdvice command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var person = (await PeopleLookup.ResolveAsync(db, [command.Person], "person", cancellationToken))[0];
        var now = clock.GetUtcNow().UtcDateTime;
        var advice = new PriorAdvice(Guid.NewGuid(), person.Id, EnumNames.Parse<ConcernCategory>(command.Category),
            command.Date!.Value, command.Summary, me.Id, now);
        db.PriorAdvice.Add(advice);
        await DirectoryAudit.RecordAsync(db, me.Email, "AdviceRecorded", now, JsonSerializer.Serialize(new
        {
            adviceId = advice.Id,
            personId = person.Id,
            person = person.Email,
            category = advice.Category.ToString(),
            date = advice.GivenOn,
            summarySha256 = ContentHash.Of(advice.Summary),
            recordedById = me.Id,
        }), cancellationToken, actorId: me.Id);
        await db.SaveChangesAsync(cancellationToken);
        return (await DeterminationHistory.EntriesAsync(db, db.PriorAdvice.Where(a => a.Id == advice.Id), cancellationToken)).Single();
    }
}
