using System.Text.Json;

namespace CommsLedger.Cli.Tests.Searching;

[Collection(PostgresCollection.Name)]
public sealed class SearchCommandTests(PostgresCluster postgres)
{
    [Fact]
    public async Task search_prints_the_seed_call_as_a_table_json_and_csv_with_filters()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("search" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(0, (await CliProcess.Run(database, "demo")).ExitCode);

        var table = await CliProcess.Run(database, "search", "vaccine procurement", "--by", "CN", "--from", "2020-01-01");
        var json = await CliProcess.Run(database, "search", "Sinopharm", "--kind", "commitment", "--format", "json");
        var csv = await CliProcess.Run(database, "search", "multilateralism", "--format", "csv");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("statement by Wang Yi", table.Output, StringComparison.Ordinal);
        Assert.Contains("Relationships: CN-PE", table.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.All(document.RootElement.GetProperty("hits").EnumerateArray(), h => Assert.Equal("commitment", h.GetProperty("kind").GetString()));
        Assert.Equal(2, document.RootElement.GetProperty("total").GetInt64());
        var lines = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Kind,EntryId,Link,", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.Contains("«multilateralism»", csv.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task bad_search_options_exit_2_naming_each_option()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("search" + Guid.NewGuid().ToString("N")[..8]);

        var result = await CliProcess.Run(database, "search", "vaccine", "--kind", "speech", "--from", "2020-13-01", "--status", "kept");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--kind", result.Output, StringComparison.Ordinal);
        Assert.Contains("--from", result.Output, StringComparison.Ordinal);
        Assert.Contains("--status", result.Output, StringComparison.Ordinal);
    }
}
