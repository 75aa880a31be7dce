using System.Text.Json;
using EthicsCases.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// The one mapping from exceptions to RFC 9457 problem details (docs/web.md, ADR-008), for the API and the pages alike:
/// <list type="bullet">
/// <item>a request that cannot be read (malformed JSON, a wrong type, a missing or wrong content type, multipart
/// without a boundary, a bad query or route value: <see cref="BadHttpRequestException"/> from binding) is 400; a body
/// over the limit keeps its 413;</item>
/// <item>the application's refusals: validation 400 (errors by field), not found 404, forbidden 403, conflict 409; a
/// trigger that does not exist in the case's current state is 409 (the state moved on), one that exists but is not
/// this person's to fire is 403. Both carry <c>state</c> and <c>permittedTriggers</c>.</item>
/// </list>
/// Anything else is a fault of ours and stays a 500.
/// </summary>
public sealed class RejectionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception switch
        {
            RejectedException rejected => Rejection(rejected),
            BadHttpRequestException bad => Unreadable(bad),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The API's status-code page: an error the framework answers without an exception (no route, a wrong method, a
    /// refused token) becomes problem details too. A body of a media type the endpoint does not read (415: not JSON, a
    /// form without its boundary, no content type at all) is a malformed request like the others: 400.
    /// </summary>
    public static Task WriteStatusAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        string? detail = null;
        if (http.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            detail = $"This endpoint does not read a body of type '{http.Request.ContentType ?? "(none)"}'.";
        }

        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Title = detail is null ? null : "The request could not be read.", Detail = detail },
        }).AsTask();
    }

    private static ProblemDetails Unreadable(BadHttpRequestException bad)
    {
        // 413 (too large), 408 and 431 say something other than "malformed"; every other binding failure is a bad request.
        var status = bad.StatusCode is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status408RequestTimeout
            or StatusCodes.Status431RequestHeaderFieldsTooLarge ? bad.StatusCode : StatusCodes.Status400BadRequest;
        return new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status400BadRequest ? "The request could not be read." : "The request was refused.",
            // The JSON reader says where the body went wrong ("Path: $.advised"); the binder says which parameter.
            Detail = bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message,
        };
    }

    private static ProblemDetails Rejection(RejectedException rejected)
    {
        var problem = rejected is ValidationFailedException validation
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

        return problem;
    }
}
