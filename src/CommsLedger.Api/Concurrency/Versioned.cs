using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace CommsLedger.Api.Concurrency;

/// <summary>A JSON answer about one stream, carrying its version as the ETag (and a Location when it created one).</summary>
public sealed class Versioned<T>(T value, long? version, int status = StatusCodes.Status200OK, string? location = null)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public T Value { get; } = value;

    object? IValueHttpResult.Value => Value;

    public int? StatusCode { get; } = status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (version is { } v)
        {
            httpContext.Response.Headers.ETag = ETags.Of(v);
        }

        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        httpContext.Response.StatusCode = StatusCode!.Value;
        return httpContext.Response.WriteAsJsonAsync(Value, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

public static class Versioned
{
    public static Versioned<T> Ok<T>(T value, long? version) => new(value, version);

    public static Versioned<T> Created<T>(T value, long version, string location) => new(value, version, StatusCodes.Status201Created, location);
}
