using EthicsCases.Common;
using EthicsCases.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Notifications;

/// <summary>The signed-in person's own choice of immediate mail or a daily digest.</summary>
public sealed record ShowNotificationPreference : IQuery<NotificationPreferenceSet>, IActorRequest;

/// <summary>Reads the person's stored choice.</summary>
public sealed class ShowNotificationPreferenceHandler(EthicsDbContext db, ActorContext actor) : IQueryHandler<ShowNotificationPreference, NotificationPreferenceSet>
{
    /// <inheritdoc />
    public async ValueTask<NotificationPreferenceSet> Handle(ShowNotificationPreference query, CancellationToken cancellationToken)
    {
        var id = actor.Current.Id;
        var preference = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.NotificationPreference).SingleAsync(cancellationToken);
        return new NotificationPreferenceSet(id, preference);
    }
}
