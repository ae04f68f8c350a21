using System.Text.Json;

namespace CommsLedger.Cli.Tests.Access;

/// <summary>The local operator's access commands: every change is an event of the ledger, listed by <c>users history</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UserCommandsTests(PostgresCluster postgres)
{
    [Fact]
    public async Task a_user_changed_and_keyed_from_the_command_line_shows_in_the_key_list_and_the_access_history()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("users" + Guid.NewGuid().ToString("N")[..10]);
        await Succeeds(database, "users", "add", "--name", "rita", "--role", "recorder", "--clearance", "SECRET");
        await Succeeds(database, "users", "change", "rita", "--clearance", "TOP SECRET");
        var issued = JsonDocument.Parse(await Succeeds(database, "users", "key", "issue", "rita", "--label", "nightly", "--expires-in-days", "30", "--format", "json")).RootElement;

        var keys = JsonDocument.Parse(await Succeeds(database, "users", "key", "list", "rita", "--format", "json")).RootElement;
        var history = JsonDocument.Parse(await Succeeds(database, "users", "history", "rita", "--format", "json")).RootElement;

        var key = Assert.Single(keys.EnumerateArray().ToArray());
        Assert.Equal(issued.GetProperty("expiresAt").GetDateTimeOffset(), key.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.InRange(key.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30));
        Assert.Equal("active", key.GetProperty("status").GetString());
        var lines = history.EnumerateArray().Select(l => l.GetProperty("what").GetString()!).ToArray();
        Assert.Equal(3, lines.Length);
        Assert.Equal("user rita added: recorder; clearance SECRET", lines[0]);
        Assert.Equal("clearance of rita: TOP SECRET", lines[1]);
        Assert.StartsWith($"API key {issued.GetProperty("keyId").GetGuid()} issued to rita (nightly), expires ", lines[2], StringComparison.Ordinal);
        Assert.All(history.EnumerateArray(), l => Assert.Equal("cli.tester", l.GetProperty("by").GetString()));
    }

    [Fact]
    public async Task a_key_lifetime_over_a_year_exits_2_naming_the_option()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("users" + Guid.NewGuid().ToString("N")[..10]);
        await Succeeds(database, "users", "add", "--name", "rory", "--role", "reporter", "--clearance", "SECRET");

        var (exitCode, output) = await CliProcess.Run(database, "users", "key", "issue", "rory", "--expires-in-days", "400");

        Assert.Equal(2, exitCode);
        Assert.Contains("expiresInDays", output, StringComparison.Ordinal);
    }

    private static async Task<string> Succeeds(string database, params string[] args)
    {
        var (exitCode, output) = await CliProcess.Run(database, args);
        Assert.True(exitCode == 0, $"commsledger {string.Join(' ', args)}: exit {exitCode}\n{output}");
        return output;
    }
}
