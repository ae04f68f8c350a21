using System.Text.Json;

namespace CommsLedger.Cli.Tests.Recording;

[Collection(PostgresCollection.Name)]
public sealed class ChangingEntriesTests(PostgresCluster postgres)
{
    [Fact]
    public async Task scheduling_a_follow_up_on_a_pledge_prints_its_id_and_the_pledges_next_version()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        await ledger.LogSeedCall();

        var (exitCode, output) = await ledger.Run("followup", "schedule", "--pledge", RecordingLedger.SinopharmPledge, "--expected-version", "2",
            "--action", "Ask for the trial timetable", "--owner", "Health cooperation desk", "--due", "2021-01-15", "--format", "json");

        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetProperty("version").GetInt64());
        Assert.True(json.RootElement.GetProperty("createdId").TryGetGuid(out _));
        Assert.Matches("^[0-9A-F]+/[0-9A-F]+$", json.RootElement.GetProperty("position").GetString());
        Assert.Equal(RecordingLedger.SeedCallEvents + 1, await ledger.EventCount());
    }

    [Fact]
    public async Task fulfilling_a_pledge_prints_its_new_version()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        await ledger.LogSeedCall();

        var (exitCode, output) = await ledger.Run("pledge", "fulfil", RecordingLedger.SinopharmPledge, "--expected-version", "2",
            "--on", "2021-02-09", "--note", "Trials ran in Lima");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Pledge {RecordingLedger.SinopharmPledge} is now at version 3", output, StringComparison.Ordinal);
        Assert.Equal(1, await ledger.Scalar(
            $"select count(*) from commsledger.mt_events where stream_id = '{RecordingLedger.SinopharmPledge}' and type = 'pledge_fulfilled.v1' and user_name = 'cli.tester'"));
    }

    [Fact]
    public async Task correcting_a_statement_appends_one_correction_to_its_interaction()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        await ledger.LogSeedCall();

        var (exitCode, output) = await ledger.Run("correct", "statement", RecordingLedger.SeedInteraction, "--statement", RecordingLedger.FirstStatement,
            "--expected-version", "20", "--field", "text", "--now", "China is ready to work with Peru to safeguard multilateralism.", "--reason", "Shortened to the clause");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Interaction {RecordingLedger.SeedInteraction} is now at version 21", output, StringComparison.Ordinal);
        Assert.Equal(1, await ledger.Scalar("select count(*) from commsledger.mt_events where type = 'interaction_entry_corrected.v1'"));
    }

    [Fact]
    public async Task of_two_recorders_changing_a_pledge_from_the_same_version_one_succeeds_and_the_other_gets_a_conflict_appending_nothing()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        await ledger.LogSeedCall();
        var before = await ledger.EventCount();

        var results = await Task.WhenAll(
            ledger.Run("pledge", "fulfil", RecordingLedger.SinopharmPledge, "--expected-version", "2", "--note", "Trials ran"),
            ledger.Run("pledge", "break", RecordingLedger.SinopharmPledge, "--expected-version", "2", "--note", "Trials cancelled"));

        Assert.Equal([0, 3], results.Select(r => r.ExitCode).Order());
        var conflict = results.Single(r => r.ExitCode == 3).Output;
        Assert.Contains($"pledge {RecordingLedger.SinopharmPledge} changed since you read it at version 2; now 3 — re-read and retry", conflict, StringComparison.Ordinal);
        Assert.Equal(before + 1, await ledger.EventCount());
    }

    [Fact]
    public async Task a_change_without_the_expected_version_is_a_usage_error()
    {
        var (exitCode, output) = await CliProcess.Run("Host=127.0.0.1;Port=1", "pledge", "fulfil", RecordingLedger.SinopharmPledge);

        Assert.Equal(1, exitCode);
        Assert.Contains("expected-version", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_id_that_is_not_a_uuid_is_a_validation_error_naming_it()
    {
        var (exitCode, output) = await CliProcess.Run("Host=127.0.0.1;Port=1", "assess", "not-an-id", "--expected-version", "2", "--score", "-1", "--rationale", "none");

        Assert.Equal(2, exitCode);
        Assert.Contains("pledgeId: 'not-an-id' is not an id", output, StringComparison.Ordinal);
    }
}
