using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pledges.ChangingStatus;
using CommsLedger.Application.Pledges.NotingProgress;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Tests.Pledges;

[Collection(PostgresCollection.Name)]
public sealed class ChangingAPledgeConcurrentlyTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;
    private Guid _pledgeId;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
        _pledgeId = record.Commitments.First(c => c.By == "PE" && c.Text.Contains("non-discriminatory", StringComparison.Ordinal)).PledgeId;
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task two_recorders_changing_a_pledge_from_the_same_version_one_wins_and_the_other_appends_nothing()
    {
        var read = await _ledger.Ask(new GetPledge(_pledgeId));

        var first = await _ledger.Send(new ChangePledgeStatus(_pledgeId, read.Version, PledgeStatus.Fulfilled, new DateOnly(2021, 3, 1), "investment law passed"), user: "recorder.a");
        var before = await _ledger.EventCount();
        var conflict = await Assert.ThrowsAsync<VersionConflict>(() =>
            _ledger.Send(new NoteProgress(_pledgeId, read.Version, "bill in congress", new DateOnly(2021, 2, 1)), user: "recorder.b"));

        Assert.Equal(read.Version + 1, first.Version);
        Assert.Equal(read.Version, conflict.Expected);
        Assert.Equal(read.Version + 1, conflict.Actual);
        Assert.Contains($"changed since you read it at version {read.Version}; now {read.Version + 1}", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _ledger.EventCount());
        Assert.Equal(PledgeStatus.Fulfilled, (await _ledger.Ask(new GetPledge(_pledgeId))).Status);
    }

    [Fact]
    public async Task racing_recorders_in_parallel_produce_exactly_one_change()
    {
        var read = await _ledger.Ask(new GetPledge(_pledgeId));
        var attempts = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                await _ledger.Send(new NoteProgress(_pledgeId, read.Version, $"note {i}", new DateOnly(2021, 1, 1)), user: $"recorder.{i}");
                return true;
            }
            catch (VersionConflict)
            {
                return false;
            }
        })).ToArray();

        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Single((await _ledger.Ask(new GetPledge(_pledgeId))).Progress);
    }

    [Fact]
    public async Task changing_a_pledge_that_does_not_exist_is_not_found_and_appends_nothing()
    {
        var before = await _ledger.EventCount();

        await Assert.ThrowsAsync<EntryNotFound>(() =>
            _ledger.Send(new NoteProgress(Guid.NewGuid(), 1, "note", new DateOnly(2021, 1, 1))));

        Assert.Equal(before, await _ledger.EventCount());
    }
}

[Collection(PostgresCollection.Name)]
public sealed class ChangingOneRelationshipInParallelTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task parallel_changes_to_different_pledges_of_one_relationship_all_reach_its_ledger()
    {
        var record = await _ledger.Send(new LogInteraction(SeedCall.Draft()));

        var pledges = await Task.WhenAll(record.Commitments.Select(c => _ledger.Ask(new GetPledge(c.PledgeId))));

        await Task.WhenAll(pledges.Select((p, i) => Task.Run(() =>
            _ledger.Send(new ChangePledgeStatus(p.Id, p.Version, PledgeStatus.Lapsed, new DateOnly(2022, 1, 1), $"lapse {i}"), user: $"recorder.{i}"))));

        var view = await _ledger.Ask(new CommsLedger.Application.Relationships.Viewing.GetRelationship("CN-PE", new DateOnly(2022, 1, 2)));
        var rows = await _ledger.Ask(new CommsLedger.Application.Relationships.Pledges.ListRelationshipPledges("CN-PE", null, new CommsLedger.Application.Relationships.Paging.PageRequest()));
        Assert.All(rows.Items, p => Assert.Equal(PledgeStatus.Lapsed, p.Status));
        Assert.Equal(record.Commitments.Count, view.Sides.Sum(s => s.ByStatus.GetValueOrDefault("lapsed")));
    }
}
