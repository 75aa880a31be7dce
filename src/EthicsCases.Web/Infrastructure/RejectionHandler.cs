using EthicsCases.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// Turns the application's refusals into RFC 9457 problem details (docs/web.md, ADR-008):
/// validation 400 (errors by field), not found 404, forbidden 403, conflict 409; a trigger that does not exist in
/// the case's current state is 409 (the state moved on), one that exists but is not this person's to fire is 403.
/// Both carry <c>state</c> and <c>permittedTriggers</c>.
/// </summary>
public sealed class RejectionHandler(IProblemDetailsService problems) : IExceptionHandler
{
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
            TriggerNotPermittedException t => t.DefinedInState ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
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
}
