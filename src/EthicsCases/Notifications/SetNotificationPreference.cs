using EthicsCases.Common;
using EthicsCases.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Notifications;

/// <summary>The signed-in person chooses immediate mail or a daily digest for their own notifications.</summary>
public sealed record SetNotificationPreference(string Preference) : ICommand<NotificationPreferenceSet>, IActorRequest;

/// <summary>The stored choice.</summary>
public sealed record NotificationPreferenceSet(Guid PersonId, NotificationPreference Preference);

/// <summary>Rules for the choice.</summary>
public sealed class SetNotificationPreferenceValidator : AbstractValidator<SetNotificationPreference>
{
    /// <summary>Declares the rules.</summary>
    public SetNotificationPreferenceValidator() =>
        RuleFor(c => c.Preference).Must(p => Enum.TryParse<NotificationPreference>(p, ignoreCase: true, out var v) && Enum.IsDefined(v))
            .WithMessage(c => $"'{c.Preference}' is not a preference; use {string.Join(" or ", Enum.GetNames<NotificationPreference>())}.");
}

/// <summary>Stores the choice; notifications queued from now on follow it.</summary>
public sealed class SetNotificationPreferenceHandler(EthicsDbContext db, ActorContext actor) : ICommandHandler<SetNotificationPreference, NotificationPreferenceSet>
{
    /// <inheritdoc />
    public async ValueTask<NotificationPreferenceSet> Handle(SetNotificationPreference command, CancellationToken cancellationToken)
    {
        var me = await db.People.SingleAsync(p => p.Id == actor.Current.Id, cancellationToken);
        me.NotificationPreference = Enum.Parse<NotificationPreference>(command.Preference, ignoreCase: true);
        await db.SaveChangesAsync(cancellationToken);
        return new NotificationPreferenceSet(me.Id, me.NotificationPreference);
    }
}
