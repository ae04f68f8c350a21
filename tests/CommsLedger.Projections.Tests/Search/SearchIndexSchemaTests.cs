using CommsLedger.Application.Storage;
using Marten;

namespace CommsLedger.Projections.Tests.Search;

[Collection(PostgresCollection.Name)]
public sealed class SearchIndexSchemaTests(PostgresCluster postgres)
{
    [Fact]
    public async Task the_search_table_with_its_generated_document_and_gin_index_reads_back_as_configured()
    {
        var connection = await postgres.Cluster.CreateDatabaseAsync("schema" + Guid.NewGuid().ToString("N")[..8]);
        await using (var first = LedgerStore.Create(connection))
        {
            await first.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        await using var second = LedgerStore.Create(connection);
        await second.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }
}
