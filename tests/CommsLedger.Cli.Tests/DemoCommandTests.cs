namespace CommsLedger.Cli.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DemoCommandTests(PostgresCluster postgres)
{
    [Fact]
    public async Task demo_records_the_seed_call_once_and_prints_the_ledger_with_both_sides_pledges_and_follow_ups()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("cli" + Guid.NewGuid().ToString("N")[..8]);

        var first = await CliProcess.Run(database, "demo");
        var second = await CliProcess.Run(database, "demo");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Recorded the 2020-11-05 call", first.Output, StringComparison.Ordinal);
        Assert.Contains("Pledges by CN: 4", first.Output, StringComparison.Ordinal);
        Assert.Contains("Pledges by PE: 3", first.Output, StringComparison.Ordinal);
        Assert.Contains("non-discriminatory", first.Output, StringComparison.Ordinal);
        Assert.Contains("Sinopharm", first.Output, StringComparison.Ordinal);
        Assert.Contains("Import Expo", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already in the ledger", second.Output, StringComparison.Ordinal);
        Assert.Contains("Interactions: 1 ", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task relationship_prints_the_ledger_again_from_the_store_whatever_the_order_of_the_key()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("cli" + Guid.NewGuid().ToString("N")[..8]);
        await CliProcess.Run(database, "demo");

        var (exitCode, output) = await CliProcess.Run(database, "relationship", "pe-cn");

        Assert.Equal(0, exitCode);
        Assert.Contains("CN-PE relationship ledger", output, StringComparison.Ordinal);
        Assert.Contains("Open follow-ups", output, StringComparison.Ordinal);
        Assert.Contains("Pledges by PE: 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_country_in_the_key_is_a_validation_error_naming_the_field()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("cli" + Guid.NewGuid().ToString("N")[..8]);

        var (exitCode, output) = await CliProcess.Run(database, "relationship", "CN-XX");

        Assert.Equal(2, exitCode);
        Assert.Contains("relationship: 'XX' is not an ISO 3166-1 alpha-2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_command_is_a_usage_error()
    {
        var (exitCode, _) = await CliProcess.Run("Host=127.0.0.1;Port=1", "no-such-command");

        Assert.Equal(1, exitCode);
    }
}
