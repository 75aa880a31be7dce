using EthicsCases.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EthicsCases.Web.Infrastructure;

/// <summary>
/// A page with a form the application may refuse. <see cref="RejectionPageFilter"/> puts a refusal into ModelState
/// next to the fields it names, calls <see cref="ReloadAsync"/> for what the page shows around the form, and renders
/// the page again with the values as entered.
/// </summary>
public interface IFormPage
{
    /// <summary>Loads what the GET handler loads, after a refused POST.</summary>
    Task ReloadAsync(CancellationToken ct);

    /// <summary>Where the command's fields live in the form: "" at the top, "Determination." for a bound object.</summary>
    string FieldPrefix => "";

    /// <summary>The form's name for a command's field, when the page names it differently.</summary>
    string FieldName(string field) => field;

    /// <summary>Whether "not found" is an answer to show in the form (a credential check) rather than the 404 page.</summary>
    bool NotFoundIsFormError => false;
}

/// <summary>
/// The one place pages turn the application's refusals into what the person sees: an invisible case is the 404 page,
/// a refused action the 403 page, and a refused form (validation, conflict, workflow) comes back with its errors.
/// </summary>
public sealed class RejectionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is not RejectedException rejected || executed.ExceptionHandled)
        {
            return;
        }

        var form = context.HandlerInstance as IFormPage;
        switch (rejected)
        {
            case NotFoundException when form?.NotFoundIsFormError != true:
                executed.Result = new NotFoundResult();
                break;
            case ForbiddenException:
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                break;
            case not null when form is not null && context.HandlerInstance is PageModel page:
                page.ModelState.Add(rejected, form);
                await form.ReloadAsync(context.HttpContext.RequestAborted);
                executed.Result = page.Page();
                break;
            default:
                executed.Result = new BadRequestResult();
                break;
        }

        executed.ExceptionHandled = true;
    }
}

/// <summary>Shows refusals next to the fields they concern.</summary>
public static class ModelStateRejections
{
    /// <summary>Adds every field error of a refusal (validation) or its message (conflict, workflow) to the page.</summary>
    public static void Add(this ModelStateDictionary modelState, RejectedException rejected, IFormPage form)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(form);
        if (rejected is ValidationFailedException validation)
        {
            foreach (var (field, messages) in validation.Errors)
            {
                var name = form.FieldName(field);
                foreach (var message in messages)
                {
                    modelState.AddModelError(name.Length == 0 ? "" : form.FieldPrefix + char.ToUpperInvariant(name[0]) + name[1..], message);
                }
            }
        }
        else
        {
            modelState.AddModelError(string.Empty, rejected.Message);
        }
    }
}
