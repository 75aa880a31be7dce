using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Workflow;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// Turns the application's refusals into RFC 9457 problem details (docs/api-errors.md):
/// validation 400 (errors by field), not found 404, forbidden 403, conflict 409; a trigger that does not exist in
/// the case's current state is 409 (the state moved on), one that exists but is not this person's to fire is 403.
/// Both carry <c>state</c> and <c>permittedTriggers</c>.
/// </summary>
public sealed class RejectionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>HttpContext item holding the case key of the current request.</summary>
    public const string CaseKeyItem = "ethics.caseKey";

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not RejectedException rejected)
        {
            return false;
        }

        var problem = exception is ValidationFailedException validation
            ? new HttpValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value)) { Title = "The request is not valid." }
            : new ProblemDetails();
        problem.Status = rejected switch
        {
            ValidationFailedException => StatusCodes.Status400BadRequest,
            NotFoundException => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            ConflictException => StatusCodes.Status409Conflict,
            TriggerNotPermittedException t => await IsDefinedHereAsync(httpContext, t, cancellationToken)
                ? StatusCodes.Status403Forbidden
                : StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        problem.Title ??= problem.Status switch
        {
            404 => "Not found.",
            403 => "Not permitted.",
            409 => "Conflict with the current state.",
            _ => "The request was refused.",
        };
        problem.Detail = rejected.Message;
        if (rejected is TriggerNotPermittedException trigger)
        {
            problem.Extensions["trigger"] = trigger.Trigger.ToString();
            problem.Extensions["state"] = trigger.State.ToString();
            problem.Extensions["permittedTriggers"] = trigger.Permitted.Select(p => p.ToString()).ToArray();
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static async Task<bool> IsDefinedHereAsync(HttpContext httpContext, TriggerNotPermittedException t, CancellationToken ct)
    {
        var actor = httpContext.RequestServices.GetRequiredService<ActorContext>().Person;
        // The exception handler runs with the route values cleared; the case endpoints leave the key in Items.
        if (actor is null || httpContext.Items[CaseKeyItem] is not string key)
        {
            return true;
        }

        var db = httpContext.RequestServices.GetRequiredService<EthicsDbContext>();
        var ethicsCase = await db.Cases.AsNoTracking().ByKey(key).SingleOrDefaultAsync(ct);
        return ethicsCase is not null && new CaseWorkflow(ethicsCase, actor).IsDefinedHere(t.Trigger);
    }
}
