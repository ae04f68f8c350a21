using System.Text.Json.Nodes;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.OpenApi;

/// <summary>
/// The client package is generated from a committed copy of the document (src/CommsLedger.Client/openapi.json), so
/// the build needs no running API. This fails when the copy and what the API serves differ; refresh the copy with
/// <c>COMMSLEDGER_UPDATE_OPENAPI=1 dotnet test tests/CommsLedger.Api.Tests --filter CommittedDocument</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CommittedDocumentTests(PostgresCluster postgres, SharedApi shared) : IAsyncLifetime, IClassFixture<SharedApi>
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await shared.Start(postgres);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_committed_document_is_the_one_the_api_serves()
    {
        var served = JsonNode.Parse(await _api.Client().GetStringAsync("/openapi/v1.json"))!;
        var path = ContractFiles.CommittedDocument;
        if (Environment.GetEnvironmentVariable("COMMSLEDGER_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(ContractFiles.Indented) + "\n");
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path))!;

        Assert.True(JsonNode.DeepEquals(served, committed),
            $"{path} differs from /openapi/v1.json: refresh it with COMMSLEDGER_UPDATE_OPENAPI=1 (see this test's summary) and commit it with the change");
    }
}
