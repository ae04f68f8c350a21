using System.Reflection;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Problems;
using CommsLedger.Domain.Shared;
using CommsLedger.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommsLedger.Web.Forms;

/// <summary>
/// The one place where the ledger's refusals become pages (the pages' counterpart of the API's LedgerProblems): the
/// same field errors the API gives, next to the fields; a stale version, a duplicate or a clearance refusal as a
/// message at the top with the entry shown as it stands now; an entry that is not found (or not visible) as a 404.
/// Also checks a handler's <see cref="RequiresAttribute"/> policy before it runs.
/// </summary>
public sealed class LedgerRefusals(IAuthorizationService authorization, ILogger<LedgerRefusals> logger) : IAsyncPageFilter
{
    public const string NotFoundKey = "NotFound";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.HandlerMethod?.MethodInfo.GetCustomAttribute<RequiresAttribute>() is { } requires
            && await authorization.AuthorizeAsync(http.User, requires.Policy) is { Succeeded: false } denied)
        {
            logger.LogWarning("Denied {Method} {Route} for {User}: {Status} {Reason}", http.Request.Method, http.Request.Path.Value,
                LedgerClaims.NameOf(http.User), StatusCodes.Status403Forbidden, string.Join("; ", denied.Failure?.FailureReasons.Select(r => r.Message) ?? []));
            context.Result = new ForbidResult(WebSignIn.Scheme);
            return;
        }

        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled || Describe(exception) is not { } refusal)
        {
            return;
        }

        executed.ExceptionHandled = true;
        Audit(http, exception, refusal);
        executed.Result = await Show(context, refusal, http.RequestAborted);
    }

    private static async Task<PageResult> Show(PageHandlerExecutingContext context, Refusal refusal, CancellationToken cancellationToken)
    {
        var page = context.HandlerInstance as ILedgerForm;
        if (refusal.Status == StatusCodes.Status404NotFound)
        {
            return NotFound(context, refusal.Errors[0].Problem);
        }

        var prefix = page?.ErrorsPerForm == true && context.HandlerMethod?.Name is { } form ? form.ToLowerInvariant() + "/" : "";
        foreach (var error in refusal.Errors)
        {
            context.ModelState.AddModelError(error.Field.Length == 0 ? "" : prefix + error.Field, error.Problem);
        }

        try
        {
            // A refused read (a bad filter) is shown as it is; a refused change shows the entry as it now stands.
            if (page is not null && !HttpMethods.IsGet(context.HttpContext.Request.Method))
            {
                await page.LoadAsync(cancellationToken);
            }
        }
        catch (EntryNotFound missing)
        {
            return NotFound(context, missing.Message);
        }

        return new PageResult { StatusCode = refusal.Status };
    }

    private static PageResult NotFound(PageHandlerExecutingContext context, string message)
    {
        if (context.HandlerInstance is PageModel model)
        {
            model.ViewData[NotFoundKey] = message;
        }

        return new PageResult { StatusCode = StatusCodes.Status404NotFound };
    }

    private void Audit(HttpContext http, Exception exception, Refusal refusal)
    {
        var denial = exception switch
        {
            ClearanceTooLow low => low.Message,
            EntryNotFound { DeniedBecause: { } hidden } => hidden,
            CommandRejected { DeniedBecause: { } above } => above,
            _ => null,
        };
        if (denial is not null)
        {
            logger.LogWarning("Denied {Method} {Route} for {User}: {Status} {Reason}", http.Request.Method, http.Request.Path.Value, LedgerClaims.NameOf(http.User), refusal.Status, denial);
        }
        else
        {
            logger.LogInformation("Refused {Method} {Route} for {User}: {Status} {Reason}", http.Request.Method, http.Request.Path.Value,
                LedgerClaims.NameOf(http.User), refusal.Status, string.Join("; ", refusal.Errors));
        }
    }

    private static Refusal? Describe(Exception exception) => exception switch
    {
        CommandRejected rejected => new(StatusCodes.Status400BadRequest, rejected.Errors),
        LedgerRuleViolated rule => new(StatusCodes.Status422UnprocessableEntity, [new(rule.Field, rule.Problem)]),
        VersionConflict conflict => new(StatusCodes.Status409Conflict, [new("", Stale(conflict))]),
        AlreadyRecorded duplicate => new(StatusCodes.Status409Conflict,
            [new("", $"This source is already recorded as interaction {duplicate.ExistingId}. Nothing was recorded.")]),
        ClearanceTooLow low => new(StatusCodes.Status403Forbidden, [new("", low.Message)]),
        EntryNotFound missing => new(StatusCodes.Status404NotFound, [new("", missing.Message)]),
        RequestRefused refused => new(refused.Status, [new(refused.Field ?? "", refused.Message)]),
        _ => null,
    };

    public static string Stale(VersionConflict conflict) =>
        $"This {conflict.What} changed since you read it (you read version {conflict.Expected}"
        + (conflict.Actual is { } now ? $"; it is now at version {now}" : "")
        + "). Nothing was recorded. It is shown below as it stands now: check it, then send your change again.";

    private sealed record Refusal(int Status, IReadOnlyList<FieldError> Errors);
}
