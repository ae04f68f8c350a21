using CommsLedger.Application.Demo;
using CommsLedger.Application.FollowUps.Listing;
using CommsLedger.Application.History.Reading;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Application.Pledges.Listing;
using CommsLedger.Application.Pledges.NotingProgress;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Pledges;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.TimeTravel;

namespace CommsLedger.Application.Tests.Clearance;

[Collection(PostgresCollection.Name)]
public sealed class ClassifiedContentTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const Classification Confidential = Classification.Confidential;
    private static readonly DateOnly Today = new(2026, 1, 1);
    private TestLedger _ledger = null!;
    private InteractionRecord _call = null!;
    private Guid _secretPledge;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        var seed = SeedCall.Draft();
        var secret = new CommitmentDraft("CN", "PE", CommitmentKind.Offer, "China will quietly fund the trial site", "covert funding", null,
            [new FollowUpDraft("Watch the covert funding", "Special desk", new DateOnly(2020, 12, 1))], ["033"], Classification.Secret);
        _call = await _ledger.Send(new LogInteraction(seed with { Commitments = [.. seed.Commitments, secret] }));
        _secretPledge = _call.Commitments.Single(c => c.Classification == Classification.Secret).PledgeId;
        await _ledger.Send(new LogInteraction(BrazilMeeting()));
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task a_confidential_reader_sees_neither_the_secret_commitment_nor_a_count_that_reveals_it()
    {
        var cleared = await _ledger.Ask(new GetRelationship("CN-PE", Today));
        var confidential = await _ledger.Ask(new GetRelationship("CN-PE", Today), Confidential);

        Assert.Equal(5, cleared.Sides.Single(s => s.Party == "CN").Pledges);
        Assert.Equal(4, confidential.Sides.Single(s => s.Party == "CN").Pledges);
        var pledges = await _ledger.Ask(new ListRelationshipPledges("CN-PE", null, new PageRequest()), Confidential);
        Assert.Equal(7, pledges.Items.Count);
        Assert.DoesNotContain(pledges.Items, p => p.PledgeId == _secretPledge);
        Assert.Equal(cleared.OpenFollowUps - 1, confidential.OpenFollowUps);
        Assert.DoesNotContain("covert funding", confidential.Topics);
    }

    [Fact]
    public async Task the_secret_pledge_is_absent_from_lists_and_not_found_by_id()
    {
        var pledges = await _ledger.Ask(new ListPledges("CN-PE", null, null, null, null), Confidential);
        var followUps = await _ledger.Ask(new ListFollowUps(null, false, null, Today), Confidential);

        Assert.Equal(7, pledges.Count);
        Assert.DoesNotContain(followUps, f => f.Action.Contains("covert", StringComparison.Ordinal));
        await Assert.ThrowsAsync<EntryNotFound>(() => _ledger.Ask(new GetPledge(_secretPledge), Confidential));
    }

    [Fact]
    public async Task history_and_time_travel_hide_the_secret_commitment_too()
    {
        var history = await _ledger.Ask(new GetHistory("CN-PE"), Confidential);
        var asOf = await _ledger.Ask(new GetRelationship("CN-PE", Today, new AsOf(DateTimeOffset.UtcNow, null)), Confidential);
        var pledgesAsOf = await _ledger.Ask(new ListPledges("CN-PE", "CN", null, null, null, new AsOf(DateTimeOffset.UtcNow, null)), Confidential);

        Assert.DoesNotContain(history, h => h.What.Contains("covert", StringComparison.OrdinalIgnoreCase) || h.StreamId == _secretPledge);
        Assert.Equal(4, asOf.Sides.Single(s => s.Party == "CN").Pledges);
        Assert.Equal(4, pledgesAsOf.Count);
    }

    [Fact]
    public async Task the_interaction_record_drops_the_secret_portion_and_a_secret_meeting_does_not_exist_for_the_reader()
    {
        var record = await _ledger.Ask(new GetInteraction(_call.Id), Confidential);
        var relationships = await _ledger.Ask(new ListRelationships(Today, new PageRequest()), Confidential);

        Assert.Equal(7, record.Commitments.Count);
        Assert.DoesNotContain(relationships.Items, r => r.Key == "BR-CN");
        Assert.Contains((await _ledger.Ask(new ListRelationships(Today, new PageRequest()))).Items, r => r.Key == "BR-CN");
    }

    [Fact]
    public async Task changing_a_pledge_above_ones_clearance_reads_as_not_found_even_with_a_stale_version()
    {
        var before = await _ledger.EventCount();

        await Assert.ThrowsAsync<EntryNotFound>(() => _ledger.Send(new NoteProgress(_secretPledge, 2, "seen", Today), clearance: Confidential));
        await Assert.ThrowsAsync<EntryNotFound>(() => _ledger.Send(new NoteProgress(_secretPledge, 1, "seen", Today), clearance: Confidential));

        Assert.Equal(before, await _ledger.EventCount());
    }

    [Fact]
    public async Task recording_above_ones_own_clearance_is_refused_and_appends_nothing()
    {
        var before = await _ledger.EventCount();

        var refused = await Assert.ThrowsAsync<CommandRejected>(() => _ledger.Send(new LogInteraction(BrazilMeeting() with { Source = null }), clearance: Confidential));

        Assert.Equal("classification", refused.Errors[0].Field);
        Assert.Contains("above your clearance", refused.Errors[0].Problem, StringComparison.Ordinal);
        Assert.Equal(before, await _ledger.EventCount());
    }

    private static InteractionDraft BrazilMeeting() => new(
        InteractionKind.Meeting, new OccurredAt(new DateOnly(2021, 3, 1)),
        [new Participant("Minister A", "Foreign Minister", "CN"), new Participant("Minister B", "Foreign Minister", "BR")],
        "A meeting nobody below SECRET may know of.", null, Classification.Secret, ["040"],
        [new StatementDraft("Minister B", "BR", "Brazil will consider it.", ["secret topic"])], [], []);
}
