using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Corrections.Retracting;
using CommsLedger.Application.FollowUps.Completing;
using CommsLedger.Application.FollowUps.Scheduling;
using CommsLedger.Application.History.Reading;
using CommsLedger.Application.History.Replaying;
using CommsLedger.Application.Interactions.AddingStatements;
using CommsLedger.Application.Interactions.Importing;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Tests.Clearance;

/// <summary>
/// What a CONFIDENTIAL user must not be able to infer about SECRET content through the side doors: versions that
/// move, history gaps, duplicate refusals, statements pushed out of a summary, error messages that differ.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HiddenPortionsTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const Classification Confidential = Classification.Confidential;
    private const Classification Secret = Classification.Secret;
    private static readonly DateOnly Today = new(2026, 1, 1);
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task a_secret_statement_moves_no_version_a_confidential_reader_sees_and_they_write_on_with_theirs()
    {
        var call = await _ledger.Send(new LogInteraction(Call("call", Confidential, 1)), clearance: Confidential);
        var read = await _ledger.Ask(new GetInteraction(call.Id), Confidential);
        await _ledger.Send(new AddStatement(call.Id, read.Version, Statement("a secret aside", Secret)), clearance: Secret);

        var again = await _ledger.Ask(new GetInteraction(call.Id), Confidential);
        var written = await _ledger.Send(new AddStatement(call.Id, again.Version, Statement("on the record", null)), clearance: Confidential);
        var secretView = await _ledger.Ask(new GetInteraction(call.Id), Secret);

        Assert.Equal(read.Version, again.Version);
        Assert.Equal(read.Version + 1, written.Version);
        Assert.Equal(read.Version + 2, secretView.Version);
        Assert.Equal(written.Version, (await _ledger.Ask(new GetInteraction(call.Id), Confidential)).Version);
    }

    [Fact]
    public async Task a_stale_version_is_a_conflict_that_reports_the_version_the_reader_can_see()
    {
        var call = await _ledger.Send(new LogInteraction(Call("call", Confidential, 1)), clearance: Confidential);
        await _ledger.Send(new AddStatement(call.Id, call.Version, Statement("a secret aside", Secret)), clearance: Secret);
        var before = await _ledger.EventCount();

        var conflict = await Assert.ThrowsAsync<VersionConflict>(() =>
            _ledger.Send(new AddStatement(call.Id, call.Version + 1, Statement("guessing", null)), clearance: Confidential));

        Assert.Equal(call.Version, conflict.Actual);
        Assert.Equal(before, await _ledger.EventCount());
    }

    [Fact]
    public async Task secret_writes_landing_alongside_never_turn_a_confidential_write_into_a_conflict()
    {
        var call = await _ledger.Send(new LogInteraction(Call("call", Confidential, 1)), clearance: Confidential);

        // The SECRET writer sees the CONFIDENTIAL writes too, so it may meet real conflicts: it re-reads and retries.
        async Task WriteSecretly()
        {
            for (var i = 0; i < 25; i++)
            {
                while (true)
                {
                    var version = (await _ledger.Ask(new GetInteraction(call.Id), Secret)).Version;
                    try
                    {
                        await _ledger.Send(new AddStatement(call.Id, version, Statement($"aside {i}", Secret)), clearance: Secret);
                        break;
                    }
                    catch (VersionConflict)
                    {
                    }
                }
            }
        }

        // Nothing the CONFIDENTIAL writer can see changes but their own writes: their version chain never breaks.
        async Task<long> WriteConfidentially()
        {
            var version = call.Version;
            for (var i = 0; i < 25; i++)
            {
                version = (await _ledger.Send(new AddStatement(call.Id, version, Statement($"on the record {i}", null)), clearance: Confidential)).Version;
            }

            return version;
        }

        var confidential = Task.Run(WriteConfidentially);
        await Task.WhenAll(Task.Run(WriteSecretly), confidential);

        Assert.Equal(call.Version + 25, await confidential);
        Assert.Equal(call.Version + 50, (await _ledger.Ask(new GetInteraction(call.Id), Secret)).Version);
    }

    [Fact]
    public async Task history_numbers_a_readers_events_without_gaps_and_shows_sequence_numbers_to_top_secret_only()
    {
        var call = await _ledger.Send(new LogInteraction(Call("call", Confidential, 1)), clearance: Confidential);
        await _ledger.Send(new AddStatement(call.Id, call.Version, Statement("a secret aside", Secret)), clearance: Secret);
        var visible = (await _ledger.Ask(new GetInteraction(call.Id), Confidential)).Version;
        await _ledger.Send(new AddStatement(call.Id, visible, Statement("on the record", null)), clearance: Confidential);

        var confidential = (await _ledger.Ask(new GetHistory("CN-PE"), Confidential)).Where(h => h.StreamId == call.Id).ToArray();
        var cleared = (await _ledger.Ask(new GetHistory("CN-PE"))).Where(h => h.StreamId == call.Id).ToArray();

        Assert.Equal(Enumerable.Range(1, confidential.Length).Select(v => (long)v), confidential.Select(h => h.Version));
        Assert.Equal(confidential.Length + 1, cleared.Length);
        Assert.All(confidential, h => Assert.Null(h.Sequence));
        Assert.All(cleared, h => Assert.NotNull(h.Sequence));
    }

    [Fact]
    public async Task a_statement_above_ones_clearance_cannot_be_corrected_or_retracted_and_reads_as_not_found()
    {
        var call = await _ledger.Send(new LogInteraction(Call("call", Confidential, 1)), clearance: Confidential);
        var secret = await _ledger.Send(new AddStatement(call.Id, call.Version, Statement("a secret aside", Secret)), clearance: Secret);
        var version = (await _ledger.Ask(new GetInteraction(call.Id), Confidential)).Version;
        var before = await _ledger.EventCount();

        var correcting = await Assert.ThrowsAsync<EntryNotFound>(() => _ledger.Send(
            new CorrectEntry(EntryKind.Statement, call.Id, secret.CreatedId, version, "text", "a secret aside", "probing"), clearance: Confidential));
        var retracting = await Assert.ThrowsAsync<EntryNotFound>(() => _ledger.Send(
            new RetractEntry(EntryKind.Statement, call.Id, secret.CreatedId, version, "probing"), clearance: Confidential));
        var unknown = await Assert.ThrowsAsync<EntryNotFound>(() => _ledger.Send(
            new RetractEntry(EntryKind.Statement, call.Id, Guid.NewGuid(), version, "probing"), clearance: Confidential));

        Assert.Equal("statement", correcting.What);
        Assert.Equal("statement", retracting.What);
        Assert.Equal(unknown.Message.Replace(unknown.Id.ToString(), "", StringComparison.Ordinal), retracting.Message.Replace(retracting.Id.ToString(), "", StringComparison.Ordinal));
        Assert.Equal(before, await _ledger.EventCount());
    }

    [Fact]
    public async Task a_source_recorded_above_ones_clearance_is_not_reported_as_already_recorded()
    {
        var secret = await _ledger.Send(new LogInteraction(Call("secret record", Secret, 1, "readout-1")), clearance: Secret);

        var confidential = await _ledger.Send(new LogInteraction(Call("confidential record", Confidential, 1, "readout-1")), clearance: Confidential);
        var again = await Assert.ThrowsAsync<AlreadyRecorded>(() =>
            _ledger.Send(new LogInteraction(Call("confidential record", Confidential, 1, "readout-1")), clearance: Confidential));
        var bySecretReader = await Assert.ThrowsAsync<AlreadyRecorded>(() =>
            _ledger.Send(new LogInteraction(Call("another record", Classification.Unclassified, 1, "readout-1")), clearance: Secret));

        Assert.NotEqual(secret.Id, confidential.Id);
        Assert.Equal(confidential.Id, again.ExistingId);
        Assert.Contains(bySecretReader.ExistingId, new[] { secret.Id, confidential.Id });
    }

    [Fact]
    public async Task secret_contacts_do_not_push_a_confidential_readers_latest_statements_out_of_the_relationship()
    {
        await _ledger.Send(new LogInteraction(Call("visible", Confidential, 1)), clearance: Confidential);
        var before = await _ledger.Ask(new GetRelationship("CN-PE", Today), Confidential);
        for (var day = 2; day <= 5; day++)
        {
            await _ledger.Send(new LogInteraction(Call("hidden " + day, Secret, day)), clearance: Secret);
        }

        var after = await _ledger.Ask(new GetRelationship("CN-PE", Today), Confidential);
        var cleared = await _ledger.Ask(new GetRelationship("CN-PE", Today));

        Assert.Single(before.Statements);
        Assert.Equal(before.Statements, after.Statements);
        Assert.Equal(before.Topics, after.Topics);
        Assert.Equal(3, cleared.Statements.Select(s => s.InteractionId).Distinct().Count());
        Assert.DoesNotContain(cleared.Statements, s => s.Text.StartsWith("visible", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_hidden_follow_up_reads_exactly_like_one_that_does_not_exist()
    {
        var hidden = await _ledger.Send(new LogInteraction(Call("hidden", Secret, 1)), clearance: Secret);
        var followUp = (await _ledger.Send(new ScheduleFollowUp(EntryKind.Interaction, hidden.Id, hidden.Version, new FollowUpDraft("Call back", "Desk", Today)), clearance: Secret)).CreatedId!.Value;

        var found = await Assert.ThrowsAsync<EntryNotFound>(() => _ledger.Send(new CompleteFollowUp(followUp, 1, "done", Today), clearance: Confidential));
        var missing = await Assert.ThrowsAsync<EntryNotFound>(() => _ledger.Send(new CompleteFollowUp(Guid.NewGuid(), 1, "done", Today), clearance: Confidential));

        Assert.Equal(("follow-up", followUp), (found.What, found.Id));
        Assert.Equal("follow-up", missing.What);
    }

    [Fact]
    public async Task a_pledge_command_naming_an_interaction_is_not_found_rather_than_a_fault()
    {
        var call = await _ledger.Send(new LogInteraction(Call("call", Confidential, 1)), clearance: Confidential);
        var scheduled = await _ledger.Send(new ScheduleFollowUp(EntryKind.Interaction, call.Id, call.Version, new FollowUpDraft("Call back", "Desk", Today)));

        var refused = await Assert.ThrowsAsync<EntryNotFound>(() =>
            _ledger.Send(new ScheduleFollowUp(EntryKind.Pledge, call.Id, scheduled.Version, new FollowUpDraft("Again", "Desk", Today)), clearance: Confidential));

        Assert.Equal("pledge", refused.What);
    }

    [Fact]
    public async Task replaying_the_ledger_needs_top_secret_and_says_so_as_a_clearance_refusal()
    {
        var refused = await Assert.ThrowsAsync<ClearanceTooLow>(() => _ledger.Send(new ReplayProjections(CheckOnly: true), clearance: Secret));

        Assert.Equal(Classification.TopSecret, refused.Needed);
    }

    [Fact]
    public async Task an_import_line_marked_above_the_importers_clearance_rejects_the_file_naming_the_line()
    {
        var line = InteractionJson.Write(Call("imported", Secret, 1, "import-1"));

        var refused = await Assert.ThrowsAsync<CommandRejected>(() =>
            _ledger.Send(new ImportInteractions(() => new StringReader(line)), clearance: Confidential));

        Assert.Equal("line 1: classification", refused.Errors[0].Field);
        Assert.All(refused.Errors, e => Assert.Contains("above your clearance", e.Problem, StringComparison.Ordinal));
        Assert.Equal(0, await _ledger.EventCount());
    }

    private static InteractionDraft Call(string summary, Classification marking, int day, string? source = null) => new(
        InteractionKind.PhoneCall, new OccurredAt(new DateOnly(2024, 1, day)),
        [new Participant("Minister A", "Foreign Minister", "CN"), new Participant("Minister B", "Foreign Minister", "PE")],
        summary, source is null ? null : new SourceReference(source, null, null), marking, ["041"],
        [new StatementDraft("Minister A", "CN", summary + ": a statement", ["topic " + summary])], [], []);

    private static StatementDraft Statement(string text, Classification? marking) => new("Minister B", "PE", text, [], marking);
}
