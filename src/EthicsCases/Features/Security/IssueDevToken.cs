using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Security;
using Mediator;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Features.Security;

/// <summary>
/// A bearer token for the signed-in directory person in the embedded local mode (<c>ethics dev token --as EMAIL</c>).
/// The host refuses it outside local mode; the token is signed with the local key only a local-mode API trusts.
/// </summary>
public sealed record IssueDevToken : IQuery<DevToken>, IActorRequest;

/// <summary>The token and when it expires.</summary>
public sealed record DevToken(string Token, DateTimeOffset Expires);

/// <summary>Signs with the key in the data folder (created on first use).</summary>
public sealed class IssueDevTokenHandler(ActorContext actor, IConfiguration configuration, TimeProvider clock) : IQueryHandler<IssueDevToken, DevToken>
{
    public ValueTask<DevToken> Handle(IssueDevToken query, CancellationToken cancellationToken)
    {
        var (token, expires) = LocalTokens.Issue(actor.Current, DatabaseSettings.DataDirectory(configuration), clock);
        return ValueTask.FromResult(new DevToken(token, expires));
    }
}
