using System.Net;
using System.Text;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Problems;

/// <summary>Request bodies are UTF-8: a declared charset is normalised or refused with 415, never a 500, never misread.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CharsetTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private ApiHost _api = null!;
    private HttpClient _recorder = null!;

    public async Task InitializeAsync()
    {
        _api = await shared.Start(postgres);
        _recorder = _api.Client(ApiHost.Recorder);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("utf-7")]
    [InlineData("utf-16")]
    [InlineData("utf-32")]
    [InlineData("\"utf-16\"")]
    public async Task a_body_declared_in_another_encoding_is_415_naming_content_type(string charset)
    {
        var events = await _api.EventCount();

        using var response = await _recorder.PostAsync("/interactions", Body(Requests.Interaction(), charset));

        Assert.Contains("Content-Type", (await response.Problem(HttpStatusCode.UnsupportedMediaType)).Keys);
        Assert.Equal(events, await _api.EventCount());
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("utf-16")]
    [InlineData("utf-32")]
    public async Task a_readout_declared_in_another_encoding_is_415_too(string charset)
    {
        using var response = await _recorder.PostAsync("/readouts/draft", Body("Wang Yi spoke with Mario Lopez.", charset, "text/plain"));

        await response.Problem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task utf_7_is_415_before_sign_in_is_even_checked()
    {
        using var anonymous = _api.Client();

        using var response = await anonymous.PostAsync("/interactions", Body(Requests.Interaction(), "utf-7"));

        await response.Problem(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("\"utf-8\"")]
    [InlineData("")]
    [InlineData("UTF-8")]
    public async Task a_quoted_or_empty_utf_8_charset_is_read_as_utf_8(string charset)
    {
        var summary = $"Llamada telefónica {Guid.NewGuid():N}";
        var json = Requests.Interaction(draft => draft with { Summary = summary });

        using var response = await _recorder.PostAsync("/interactions", Body(json, charset));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        Assert.Contains(summary, text, StringComparison.Ordinal);
    }

    private static ByteArrayContent Body(string text, string charset, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.TryAddWithoutValidation("Content-Type", $"{mediaType}; charset={charset}");
        return content;
    }
}
