using System.Net;
using System.Text.Json;
using CommsLedger.Api.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CommsLedger.Api.Tests.OpenApi;

[Collection(PostgresCollection.Name)]
public sealed class OpenApiDocumentTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await shared.Start(postgres);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_document_is_served_without_credentials_and_validates()
    {
        using var response = await _api.Client().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();

        var read = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.NotNull(read.Document);
        Assert.StartsWith("3.", read.Diagnostic!.SpecificationVersion.ToString().Replace("OpenApi", "", StringComparison.Ordinal).Replace('_', '.'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_document_lists_every_mapped_endpoint_with_its_method()
    {
        var document = await Document();
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        var mapped = MappedRoutes(_api.Services);

        Assert.NotEmpty(mapped);
        Assert.All(mapped, route => Assert.Contains(route, documented));
        Assert.Equal(mapped.Count, documented.Count);
    }

    [Fact]
    public async Task writes_document_if_match_and_idempotency_key_and_protected_endpoints_their_401_and_403()
    {
        var progress = (await Document()).GetProperty("paths").GetProperty("/pledges/{id}/progress").GetProperty("post");

        var headers = progress.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToArray();
        Assert.Contains("If-Match", headers);
        Assert.Contains("Idempotency-Key", headers);
        Assert.True(progress.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(progress.GetProperty("responses").TryGetProperty("403", out _));
    }

    [Fact]
    public async Task the_interactive_reference_is_served()
    {
        using var response = await _api.Client().GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Every API endpoint as "METHOD /route/{param}", from the routing table (the document and reference pages aside).</summary>
    public static IReadOnlyCollection<string> MappedRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>() is not null)
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/openapi", StringComparison.Ordinal)
                && !(e.RoutePattern.RawText ?? "").StartsWith("/scalar", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>/interactions/{id:guid}/ → /interactions/{id}, as OpenAPI writes paths.</summary>
    private static string Normalise(string route)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(route, "\\{(\\w+):[^}]+\\}", "{$1}").TrimEnd('/');
        return path.Length == 0 ? "/" : path.StartsWith('/') ? path : "/" + path;
    }

    private async Task<JsonElement> Document() => await (await _api.Client().GetAsync("/openapi/v1.json")).Body();
}
