using System.Text.Json;
using System.Text.RegularExpressions;
using CommsLedger.Domain.Shared;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CommsLedger.Api.Problems;

/// <summary>
/// The one place where errors become HTTP answers (the API's counterpart of the CLI's ExitCodes): every domain
/// exception and every malformed request becomes a ProblemDetails naming the field where there is one, and is
/// logged with the user, route and reason. Anything else is a fault of ours and stays a 500.
/// </summary>
public sealed partial class LedgerProblems(IProblemDetailsService problems, ILogger<LedgerProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseOutage.CauseOf(exception) is { } outage)
        {
            await WriteUnavailableAsync(http, exception, outage);
            return true;
        }

        if (Describe(exception) is not { } problem)
        {
            return false;
        }

        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            problem.Title = problem.Title?.Replace(NothingRecorded, "", StringComparison.Ordinal);
        }

        if (DeniedBecause(exception) is { } denial)
        {
            // The answer reads like any other 404 or 400; the audit log says what it really was.
            logger.LogWarning("Denied {Method} {Route} for {User}: {Status} {Reason}",
                http.Request.Method, RouteOf(http), Auth.LedgerClaims.NameOf(http.User), problem.Status, denial);
        }
        else
        {
            logger.LogInformation("Refused {Method} {Route} for {User}: {Status} {Reason}",
                http.Request.Method, RouteOf(http), Auth.LedgerClaims.NameOf(http.User), problem.Status, problem.Detail);
        }

        http.Response.StatusCode = problem.Status!.Value;
        if (exception is RequestRefused { RetryAfter: { } wait })
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteAsync(problems, new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        return true;
    }

    /// <summary>Writes a ProblemDetails whatever the client's Accept header says: the framework's writers decline
    /// `Accept: text/html`, which would otherwise end as a 500 with no body. The API speaks problem+json only.</summary>
    public static async Task WriteAsync(IProblemDetailsService problems, ProblemDetailsContext context)
    {
        if (!await problems.TryWriteAsync(context))
        {
            context.ProblemDetails.Extensions["correlationId"] = Auth.ActorMiddleware.CorrelationOf(context.HttpContext);
            await context.HttpContext.Response.WriteAsJsonAsync(context.ProblemDetails, (JsonSerializerOptions?)null, "application/problem+json");
        }
    }

    /// <summary>The database is down: a 503 with Retry-After, naming the cause, logged as our fault (an Error).
    /// A write whose connection broke at commit may or may not have been recorded, so the title says so.</summary>
    private async Task WriteUnavailableAsync(HttpContext http, Exception exception, string cause)
    {
        logger.LogError(exception, "Unavailable {Method} {Route} for {User}: 503 {Reason}",
            http.Request.Method, RouteOf(http), Auth.LedgerClaims.NameOf(http.User), cause);
        var write = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        var problem = Plain(StatusCodes.Status503ServiceUnavailable,
            write ? "The ledger's database is unavailable; retry with the same Idempotency-Key" : "The ledger's database is unavailable; retry later",
            $"{cause}; retry in {DatabaseOutage.RetryAfterSeconds} s");
        problem.Extensions["cause"] = cause;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteAsync(problems, new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>For answers the framework gave without an exception (no such route, a body over the limit while binding).</summary>
    public async Task WriteBareAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var problem = status switch
        {
            StatusCodes.Status413PayloadTooLarge => Fields(status, TitleOf(status), [TooLarge]),
            StatusCodes.Status415UnsupportedMediaType => Fields(status, "Unsupported body type; nothing was recorded",
                [new FieldError("Content-Type", $"must be {AcceptedBy(http)}")]),
            StatusCodes.Status404NotFound => Plain(status, "Not found", $"there is no {http.Request.Method} {http.Request.Path}"),
            _ => new ProblemDetails { Status = status },
        };
        logger.LogInformation("Refused {Method} {Route} for {User}: {Status} {Reason}",
            http.Request.Method, RouteOf(http), Auth.LedgerClaims.NameOf(http.User), status, problem.Detail);
        await WriteAsync(problems, new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private const string NothingRecorded = "; nothing was recorded";

    public static string RouteOf(HttpContext http) =>
        (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";

    /// <summary>Refusals on the grounds of clearance, whatever status they are answered with.</summary>
    private static string? DeniedBecause(Exception exception) => exception switch
    {
        ClearanceTooLow low => low.Message,
        EntryNotFound { DeniedBecause: { } hidden } => hidden,
        CommandRejected { DeniedBecause: { } above } => above,
        _ => null,
    };

    private static ProblemDetails? Describe(Exception exception) => exception switch
    {
        CommandRejected rejected => Fields(StatusCodes.Status400BadRequest, "The request has invalid fields; nothing was recorded", rejected.Errors),
        LedgerRuleViolated rule => Fields(StatusCodes.Status422UnprocessableEntity, "The ledger's rules do not allow this; nothing was recorded",
            [new FieldError(rule.Field, rule.Problem)]),
        ClearanceTooLow low => Plain(StatusCodes.Status403Forbidden, "Your clearance does not allow this", low.Message),
        EntryNotFound missing => Plain(StatusCodes.Status404NotFound, "Not found", missing.Message),
        VersionConflict conflict => Plain(StatusCodes.Status409Conflict, "Changed since you read it; nothing was recorded",
            $"{conflict.What} {conflict.Id} changed since you read it at version {conflict.Expected}; read it again (new ETag) and retry"),
        AlreadyRecorded duplicate => Plain(StatusCodes.Status409Conflict, "Already recorded; nothing was recorded", duplicate.Message),
        DocumentAlreadyExistsException => Plain(StatusCodes.Status409Conflict, "Processed concurrently; nothing was recorded by this request",
            "another request with the same Idempotency-Key (or the same new entry) was processed at the same moment; retry to get its result"),
        Ingest.ReadoutRejectedException unreadable => Fields(StatusCodes.Status400BadRequest, "The body is not a readout; nothing was drafted",
            [new FieldError("body", unreadable.Message)]),
        RequestRefused refused => refused.Field is { } field
            ? Fields(refused.Status, refused.Title, [new FieldError(field, refused.Message)])
            : Plain(refused.Status, refused.Title, refused.Message),
        Marten.Exceptions.MartenCommandException { InnerException: Npgsql.PostgresException { SqlState: "22P05" or "22021" } }
            or Npgsql.PostgresException { SqlState: "22P05" or "22021" } =>
            Fields(StatusCodes.Status400BadRequest, "The request has invalid fields; nothing was recorded",
                [new FieldError("body", "holds text that cannot be stored (such as the NUL character \\u0000)")]),
        BadHttpRequestException bad => Fields(bad.StatusCode, TitleOf(bad.StatusCode), [Unreadable(bad)]),
        JsonException json => Fields(StatusCodes.Status400BadRequest, TitleOf(400), [FromJson(json)]),
        _ => null,
    };

    private static ProblemDetails Plain(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails Fields(int status, string title, IReadOnlyList<FieldError> errors) => new()
    {
        Status = status,
        Title = title,
        Detail = string.Join("; ", errors),
        Extensions =
        {
            ["errors"] = errors.GroupBy(e => e.Field, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Problem).ToArray(), StringComparer.Ordinal),
        },
    };

    /// <summary>The body types the route declares (text/plain for a readout), application/json by default. Routing
    /// answers a wrong Content-Type before any endpoint is chosen, so the declaration is looked up by path.</summary>
    private static string AcceptedBy(HttpContext http)
    {
        var types = http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => string.Equals(e.RoutePattern.RawText, http.Request.Path.Value, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return types.Length > 0 ? string.Join(" or ", types) : "application/json";
    }

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is too large; nothing was recorded",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json",
        _ => "The request could not be read; nothing was recorded",
    };

    /// <summary>Names the field a request failed to bind: the JSON path of a body value, or the parameter.</summary>
    private static FieldError Unreadable(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return FromJson(json);
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge;
        }

        var parameter = ParameterName().Match(bad.Message);
        return new FieldError(parameter.Success ? parameter.Groups["name"].Value : "body", bad.Message);
    }

    private static readonly FieldError TooLarge = new("body", $"is larger than the {Hosting.ApiLimits.MaxBodyBytes / 1024} KiB allowed");

    private static FieldError FromJson(JsonException json)
    {
        var path = json.Path is null or "$" ? "body" : json.Path.TrimStart('$').TrimStart('.');
        var problem = json.Message.Split(" Path:", 2)[0];
        return new FieldError(path, problem.Length > 0 ? problem : "is not valid JSON");
    }

    [GeneratedRegex("parameter \"\\S+ (?<name>\\w+)\"")]
    private static partial Regex ParameterName();
}
