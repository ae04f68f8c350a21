using System.Text.Json;
using CommsLedger.Cli.Tests.Recording;

namespace CommsLedger.Cli.Tests.Reviewing;

/// <summary>`relationships` prints one page and the cursor of the next; with --all it streams every page.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RelationshipPagesTests(PostgresCluster postgres)
{
    [Fact]
    public async Task a_page_gives_the_next_cursor_which_resumes_after_it_and_all_streams_every_relationship_once_in_key_order()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        Assert.Equal(0, (await ledger.Run("import", await HistoricInteractions.WriteFile(60))).ExitCode);

        var first = await ledger.Run("relationships", "--limit", "20", "--format", "json");
        using var page = JsonDocument.Parse(first.Output);
        var total = page.RootElement.GetProperty("total").GetInt32();
        var rest = await ledger.Run("relationships", "--limit", "1000", "--cursor", page.RootElement.GetProperty("next").GetString()!, "--format", "json");
        var all = await ledger.Run("relationships", "--all", "--limit", "7", "--format", "csv");

        Assert.InRange(total, 21, 60);
        Assert.Equal(20, page.RootElement.GetProperty("items").GetArrayLength());
        using var next = JsonDocument.Parse(rest.Output);
        Assert.Equal(total - 20, next.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, next.RootElement.GetProperty("next").ValueKind);
        var keys = all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(line => line.Split(',')[0]).ToArray();
        Assert.Equal(total, keys.Distinct().Count());
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task a_sort_it_does_not_know_is_rejected_naming_the_option()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);

        var (exitCode, output) = await ledger.Run("relationships", "--sort", "loudest");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--sort", output, StringComparison.Ordinal);
    }
}
