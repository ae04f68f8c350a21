namespace CommsLedger.Cli.Tests.Integrity;

/// <summary>What the integrity commands say when a step was skipped or an argument is wrong: exit 2 and what to do.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IntegrityCommandErrorsTests(PostgresCluster postgres)
{
    [Fact]
    public async Task before_any_event_integrate_makes_the_key_export_says_which_step_to_run_and_the_key_is_never_replaced()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("integ" + Guid.NewGuid().ToString("N")[..10]);
        var folder = Directory.CreateTempSubdirectory("commsledger-integrity-").FullName;
        var key = Path.Combine(folder, "ledger-key.pem");
        try
        {
            var integrate = await IntegrityCli.Run(folder, database, key, "integrate");
            var export = await IntegrityCli.Run(folder, database, key, "checkpoint", "export");
            var again = await IntegrityCli.Run(folder, database, key, "key", "generate");

            Assert.Equal(0, integrate.ExitCode);
            Assert.Contains("Generated the ledger key ", integrate.Output, StringComparison.Ordinal);
            Assert.Contains($"at {key} (readable by you only)", integrate.Output, StringComparison.Ordinal);
            Assert.Contains("No checkpoint signed: the log is empty", integrate.Output, StringComparison.Ordinal);
            Assert.Equal(2, export.ExitCode);
            Assert.Contains("no signed checkpoint yet: run commsledger integrate first", export.Output, StringComparison.Ordinal);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("never overwritten", again.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("prove", "not-a-guid", "eventId: 'not-a-guid' is not an id")]
    [InlineData("verify", "--against", "missing.txt", "--against: cannot read missing.txt")]
    [InlineData("verify-proof", "missing.json", "--key", "missing.pem", "proof: cannot read missing.json")]
    public async Task a_bad_argument_is_rejected_naming_it(params string[] argsThenMessage)
    {
        var folder = Directory.CreateTempSubdirectory("commsledger-integrity-").FullName;
        try
        {
            var run = await IntegrityCli.Run(folder, "Host=127.0.0.1;Port=1;Timeout=3", Path.Combine(folder, "no-key.pem"), argsThenMessage[..^1]);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains(argsThenMessage[^1], run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
