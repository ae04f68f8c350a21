using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Domain.Interactions;

namespace CommsLedger.Api.Tests.Support;

/// <summary>Request bodies and response reading shared by the tests.</summary>
public static class Requests
{
    /// <summary>The seed call (without its source id, so it can be logged again) in the log endpoint's format.</summary>
    public static string Interaction(Func<InteractionDraft, InteractionDraft>? change = null)
    {
        var draft = SeedCall.Draft() with { Source = null };
        return InteractionJson.Write(change is null ? draft : change(draft));
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object body) => Json(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));

    public static HttpRequestMessage Post(string path, object? body, long? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = body switch
            {
                null => null,
                string json => Json(json),
                _ => Json(body),
            },
        };
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    public static async Task<JsonElement> Body(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static long ETag(this HttpResponseMessage response) =>
        long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Asserts a ProblemDetails with <paramref name="status"/>, and returns its field errors (may be empty).</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> Problem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray())
            : new Dictionary<string, string[]>();
    }
}
