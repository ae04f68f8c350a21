using System.Text.Json;

namespace CommsLedger.Cli.Tests.Recording;

/// <summary><c>commitment add … --reaffirms</c> and <c>log --file</c> with <c>reaffirms</c>, through the real CLI process.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReaffirmingTests(PostgresCluster postgres)
{
    private const string LaterCall = """
        {"kind": "phone-call", "occurredOn": "2021-03-01", "summary": "Follow-up call on vaccines",
         "participants": [{"name": "Wang Yi", "country": "CN"}, {"name": "Mario Lopez", "country": "PE"}],
         "commitments": [{"by": "CN", "to": "PE", "kind": "pledge", "text": "China reaffirmed the phase-3 trials", "reaffirms": "PLEDGE"}]}
        """;

    [Fact]
    public async Task commitment_add_with_reaffirms_lists_the_interaction_on_the_pledge_and_counts_it_on_the_relationship()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        await ledger.LogSeedCall();
        var (logged, later) = await ledger.Run("log", "--kind", "phone-call", "--on", "2021-03-01", "--participant", "Wang Yi|Foreign Minister|CN",
            "--participant", "Mario Lopez|Foreign Minister|PE", "--summary", "Follow-up call on vaccines", "--format", "json");
        Assert.True(logged == 0, later);
        using var laterJson = JsonDocument.Parse(later);
        var interaction = laterJson.RootElement.GetProperty("interactionId").GetString()!;
        var version = laterJson.RootElement.GetProperty("version").GetInt64();

        var (exitCode, output) = await ledger.Run("commitment", "add", interaction, "--expected-version", $"{version}", "--by", "CN", "--to", "PE",
            "--kind", "pledge", "--text", "China reaffirmed the phase-3 trials", "--reaffirms", RecordingLedger.SinopharmPledge);

        Assert.True(exitCode == 0, output);
        var (_, pledge) = await ledger.Run("pledge", "show", RecordingLedger.SinopharmPledge);
        Assert.Contains($"reaffirmed on 2021-03-01 by CN in interaction {interaction}", pledge, StringComparison.Ordinal);
        var (_, relationship) = await ledger.Run("relationship", "CN-PE");
        Assert.Contains("1 reaffirmed", relationship, StringComparison.Ordinal);
        var (_, history) = await ledger.Run("history", "CN-PE", "--format", "csv");
        Assert.Contains("pledge reaffirmed by CN to PE on 2021-03-01", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task log_file_with_reaffirms_records_the_reaffirmation_with_the_call()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        await ledger.LogSeedCall();
        var file = Path.Combine(Path.GetTempPath(), $"later-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, LaterCall.Replace("PLEDGE", RecordingLedger.SinopharmPledge, StringComparison.Ordinal));

        var (exitCode, output) = await ledger.Run("log", "--file", file);

        Assert.True(exitCode == 0, output);
        Assert.Equal(1, await ledger.Scalar(
            $"select count(*) from commsledger.mt_events where stream_id = '{RecordingLedger.SinopharmPledge}' and type = 'pledge_reaffirmed.v1'"));
        File.Delete(file);
    }

    [Fact]
    public async Task reaffirming_an_unknown_pledge_exits_2_naming_the_field_and_appends_nothing()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        await ledger.LogSeedCall();
        var unknown = Guid.NewGuid();

        var (exitCode, output) = await ledger.Run("commitment", "add", RecordingLedger.SeedInteraction, "--expected-version", "20", "--by", "CN", "--to", "PE",
            "--kind", "pledge", "--text", "China reaffirmed the trials", "--reaffirms", unknown.ToString());

        Assert.Equal(2, exitCode);
        Assert.Contains($"reaffirms: no pledge {unknown} was found", output, StringComparison.Ordinal);
        Assert.Equal(RecordingLedger.SeedCallEvents, await ledger.EventCount());
    }

    [Fact]
    public async Task a_reaffirms_that_is_not_an_id_exits_2_naming_the_field()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);

        var (exitCode, output) = await ledger.Run("commitment", "add", RecordingLedger.SeedInteraction, "--expected-version", "20", "--by", "CN",
            "--kind", "pledge", "--text", "China reaffirmed the trials", "--reaffirms", "the-vaccine-pledge");

        Assert.Equal(2, exitCode);
        Assert.Contains("reaffirms: 'the-vaccine-pledge' is not an id", output, StringComparison.Ordinal);
    }
}
