using EthicsCases.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EthicsCases.Web.Infrastructure;

/// <summary>Pages answer an invisible case with the 404 page and a refused action with the 403 page.</summary>
public sealed class RejectionPageFilter : IAsyncPageFilter
{
    /// <inheritdoc />
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        switch (executed.Exception)
        {
            case NotFoundException:
                executed.ExceptionHandled = true;
                executed.Result = new NotFoundResult();
                break;
            case ForbiddenException:
                executed.ExceptionHandled = true;
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                break;
        }
    }
}

/// <summary>Shows refusals next to the fields they concern.</summary>
public static class ModelStateRejections
{
    /// <summary>Adds every field error of a refusal (validation) or its message (conflict, workflow) to the page.</summary>
    public static void Add(this ModelStateDictionary modelState, RejectedException rejected, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(rejected);
        if (rejected is ValidationFailedException validation)
        {
            foreach (var (field, messages) in validation.Errors)
            {
                foreach (var message in messages)
                {
                    modelState.AddModelError(prefix + char.ToUpperInvariant(field[0]) + field[1..], message);
                }
            }
        }
        else
        {
            modelState.AddModelError(string.Empty, rejected.Message);
        }
    }
}
