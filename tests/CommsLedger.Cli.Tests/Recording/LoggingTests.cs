using System.Text.Json;

namespace CommsLedger.Cli.Tests.Recording;

[Collection(PostgresCollection.Name)]
public sealed class LoggingTests(PostgresCluster postgres)
{
    [Fact]
    public async Task logging_the_seed_call_from_its_json_file_prints_every_new_id_and_appends_its_events()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);

        var (exitCode, output) = await ledger.Run("log", "--file", RecordingLedger.SeedCallFile);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Logged interaction {RecordingLedger.SeedInteraction} at version 20", output, StringComparison.Ordinal);
        Assert.Contains(RecordingLedger.SinopharmPledge, output, StringComparison.Ordinal);
        Assert.Contains(RecordingLedger.FirstStatement, output, StringComparison.Ordinal);
        Assert.Contains("Monitor progress of the Sinopharm phase-3 trials in Peru", output, StringComparison.Ordinal);
        Assert.Equal(RecordingLedger.SeedCallEvents, await ledger.EventCount());
    }

    [Fact]
    public async Task log_with_format_json_prints_the_ids_as_json_that_parses()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);

        var (exitCode, output) = await ledger.Run("log", "--file", RecordingLedger.SeedCallFile, "--format", "json");

        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(RecordingLedger.SeedInteraction, json.RootElement.GetProperty("interactionId").GetString());
        Assert.Equal(20, json.RootElement.GetProperty("version").GetInt64());
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry").GetString()).ToArray();
        Assert.Equal(11, entries.Count(e => e == "statement"));
        Assert.Equal(7, entries.Count(e => e == "pledge"));
        Assert.Equal(4, entries.Count(e => e == "follow-up"));
        Assert.Matches("^[0-9A-F]+/[0-9A-F]+$", json.RootElement.GetProperty("position").GetString());
    }

    [Fact]
    public async Task logging_the_same_source_twice_is_a_conflict_and_appends_nothing_more()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        await ledger.LogSeedCall();

        var (exitCode, output) = await ledger.Run("log", "--file", RecordingLedger.SeedCallFile);

        Assert.Equal(3, exitCode);
        Assert.Contains("already recorded as interaction " + RecordingLedger.SeedInteraction, output, StringComparison.Ordinal);
        Assert.Equal(RecordingLedger.SeedCallEvents, await ledger.EventCount());
    }

    [Fact]
    public async Task a_json_file_with_wrong_values_is_rejected_with_exit_2_naming_each_field_and_appends_nothing()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """
            {"kind": "phone-call", "occurredOn": "2020-11-05", "summary": "A call",
             "participants": [{"name": "Wang Yi", "country": "CN"}, {"name": "Mario Lopez", "country": "PE"}],
             "commitments": [
               {"by": "CN", "kind": "pledge", "text": "one"},
               {"by": "PE", "kind": "offer", "text": "two", "due": 20210101},
               {"by": "CN", "to": "PE", "kind": "promise", "text": "three", "followUps": [{"action": "x", "owner": "y", "due": "soon"}]}]}
            """);

        var (exitCode, output) = await ledger.Run("log", "--file", file);

        Assert.Equal(2, exitCode);
        Assert.Contains("commitments[2].kind: 'promise' is not one of pledge, intent, offer, request, agreement", output, StringComparison.Ordinal);
        Assert.Contains("commitments[1].due: expected a string, found a number", output, StringComparison.Ordinal);
        Assert.Contains("commitments[2].followUps[0].due: 'soon' is not a date (yyyy-MM-dd)", output, StringComparison.Ordinal);
        Assert.Equal(0, await ledger.EventCount());
    }

    [Fact]
    public async Task malformed_json_is_rejected_with_exit_2_and_appends_nothing()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"kind": "phone-call", "occurredOn": """);

        var (exitCode, output) = await ledger.Run("log", "--file", file);

        Assert.Equal(2, exitCode);
        Assert.Contains("json: is not valid JSON", output, StringComparison.Ordinal);
        Assert.Equal(0, await ledger.EventCount());
    }

    [Fact]
    public async Task logging_from_flags_records_the_participants_and_prints_the_new_interaction()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);

        var (exitCode, output) = await ledger.Run("log", "--kind", "phone-call", "--on", "2020-11-05",
            "--participant", "Wang Yi|State Councilor and Foreign Minister|CN", "--participant", "Mario Lopez|Foreign Minister|PE",
            "--summary", "COVID-19 cooperation", "--format", "json");

        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt64());
        Assert.Equal(1, await ledger.EventCount());
    }
}
