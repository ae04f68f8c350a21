using System.Net;
using System.Text.Json;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Relationships;

/// <summary>Every list under /relationships answers a page (items, next) and resumes from the cursor it gave.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RelationshipPagesTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private HttpClient _reader = null!;

    public async Task InitializeAsync()
    {
        var api = await shared.Start(postgres, async host =>
        {
            using var logged = await host.Client(ApiHost.Recorder).PostAsync("/interactions", Requests.Json(Requests.Interaction()));
            Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        });
        _reader = api.Client(ApiHost.Reviewer);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/relationships/CN-PE/pledges", "pledgeId", 7)]
    [InlineData("/relationships/CN-PE/followups", "followUpId", 4)]
    [InlineData("/relationships/CN-PE/contacts", "interactionId", 1)]
    public async Task a_relationships_list_read_two_at_a_time_gives_every_row_once(string list, string id, int count)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _reader.Page($"{list}?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.InRange(page.GetProperty("items").GetArrayLength(), 1, 2);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty(id).GetString()!));
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        Assert.Equal(count, ids.Distinct().Count());
        Assert.Equal(count, ids.Count);
    }

    [Fact]
    public async Task the_relationship_list_is_a_page_with_its_total_and_counts_of_each()
    {
        var page = await _reader.Page("/relationships?limit=1&party=pe");

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("CN-PE", item.GetProperty("key").GetString());
        Assert.Equal(7, item.GetProperty("sides").EnumerateArray().Sum(side => side.GetProperty("pledges").GetInt32()));
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }
}

internal static class Paging
{
    public static async Task<JsonElement> Page(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }
}
