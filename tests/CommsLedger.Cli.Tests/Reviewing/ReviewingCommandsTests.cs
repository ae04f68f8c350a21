using System.Text.Json;

namespace CommsLedger.Cli.Tests.Reviewing;

[Collection(PostgresCollection.Name)]
public sealed class ReviewingCommandsTests(PostgresCluster postgres) : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await postgres.Cluster.CreateDatabaseAsync("review" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(0, (await CliProcess.Run(_database, "demo")).ExitCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task relationship_as_json_parses_and_holds_both_sides()
    {
        var (exitCode, output) = await CliProcess.Run(_database, "relationship", "CN-PE", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("CN-PE", json.RootElement.GetProperty("relationship").GetProperty("key").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("pledges").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task relationship_as_known_before_the_call_was_recorded_is_empty()
    {
        var (exitCode, output) = await CliProcess.Run(_database, "relationship", "CN-PE", "--as-known-at", "2020-12-31T00:00Z", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("relationship").GetProperty("interactionCount").GetInt32());
    }

    [Fact]
    public async Task relationships_as_csv_has_a_header_and_one_line_per_pair()
    {
        var (exitCode, output) = await CliProcess.Run(_database, "relationships", "--format", "csv");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(0, exitCode);
        Assert.StartsWith("Relationship,Interactions,LastContact,Pledges", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("CN-PE,1,2020-11-05,7", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task pledges_by_one_side_lists_only_its_pledges()
    {
        var (exitCode, output) = await CliProcess.Run(_database, "pledges", "--by", "pe", "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), p => Assert.Equal("PE", p.GetProperty("by").GetString()));
    }

    [Fact]
    public async Task history_lists_the_recorded_events_with_who_recorded_them()
    {
        var (exitCode, output) = await CliProcess.Run(_database, "history", "CN-PE", "--format", "csv");

        Assert.Equal(0, exitCode);
        Assert.Contains("interaction_logged.v1", output, StringComparison.Ordinal);
        Assert.Contains("cli.tester", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task overdue_follow_ups_are_listed()
    {
        var (exitCode, output) = await CliProcess.Run(_database, "followups", "--overdue", "--format", "csv");

        Assert.Equal(0, exitCode);
        Assert.Contains("Import Expo", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task replay_check_finds_the_read_models_equal_to_a_replay_of_the_log()
    {
        var (exitCode, output) = await CliProcess.Run(_database, "replay", "--check");

        Assert.Equal(0, exitCode);
        Assert.Contains("No differences", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_malformed_instant_is_a_validation_error_naming_the_option()
    {
        var (exitCode, output) = await CliProcess.Run(_database, "relationship", "CN-PE", "--as-known-at", "yesterday-ish");

        Assert.Equal(2, exitCode);
        Assert.Contains("--as-known-at: 'yesterday-ish' is not an ISO-8601 instant", output, StringComparison.Ordinal);
    }
}
