using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Relationships.Contacts;
using CommsLedger.Application.Relationships.FollowUps;
using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Pledges;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.TimeTravel;

namespace CommsLedger.Application.Tests.Relationships;

/// <summary>Relationships and a relationship's contacts, pledges and follow-ups are read a page at a time: every item
/// once, in order, whatever the page size, now and as known at an earlier moment.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PagingTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 1, 1);
    private static readonly string[] Partners = ["AR", "BR", "CL", "CO", "EC", "MX", "UY"];
    private TestLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        for (var day = 1; day <= 6; day++)
        {
            await _ledger.Send(new LogInteraction(SeedCall.Draft() with { Source = null, Occurred = SeedCall.Draft().Occurred with { Date = new DateOnly(2021, 1, day) } }));
        }

        foreach (var partner in Partners)
        {
            await _ledger.Send(new LogInteraction(SeedCall.Draft() with
            {
                Source = null, Participants = [new Participant("Envoy", "Minister", partner), SeedCall.Draft().Participants[1]], Statements = [], Commitments = [], FollowUps = [],
            }));
        }
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task pages_of_relationships_by_key_give_each_once_in_order_and_the_last_has_no_cursor()
    {
        var keys = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _ledger.Ask(new ListRelationships(Today, new PageRequest(3, cursor)));
            Assert.Equal(Partners.Length + 1, page.Total);
            Assert.InRange(page.Items.Count, 1, 3);
            keys.AddRange(page.Items.Select(r => r.Key));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(Partners.Length + 1, keys.Distinct().Count());
    }

    [Fact]
    public async Task relationships_by_last_contact_put_the_most_recent_first_and_one_party_filters_them()
    {
        var byContact = await _ledger.Ask(new ListRelationships(Today, new PageRequest(2), Sort: RelationshipSort.LastContact));
        var next = await _ledger.Ask(new ListRelationships(Today, new PageRequest(100, byContact.Next), Sort: RelationshipSort.LastContact));
        var ofChina = await _ledger.Ask(new ListRelationships(Today, new PageRequest(), Party: "cn"));

        var all = byContact.Items.Concat(next.Items).ToArray();
        Assert.Equal(all.OrderByDescending(r => r.LastContact).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key), all.Select(r => r.Key));
        Assert.Equal(Partners.Length + 1, all.Select(r => r.Key).Distinct().Count());
        Assert.Equal("CN-PE", Assert.Single(ofChina.Items).Key);
    }

    [Fact]
    public async Task a_relationships_contacts_pledges_and_follow_ups_page_through_every_row_newest_or_soonest_first()
    {
        var contacts = await All<ContactLineView>(page => new ListContacts("CN-PE", page));
        var pledges = await All<PledgeLineView>(page => new ListRelationshipPledges("CN-PE", null, page));
        var followUps = await All<FollowUpLineView>(page => new ListRelationshipFollowUps("CN-PE", Today, false, page));
        var byChina = await All<PledgeLineView>(page => new ListRelationshipPledges("CN-PE", "CN", page));

        Assert.Equal(6, contacts.Count);
        Assert.Equal(contacts.OrderByDescending(c => c.OccurredOn).Select(c => c.OccurredOn), contacts.Select(c => c.OccurredOn));
        Assert.Equal(6 * 7, pledges.Select(p => p.PledgeId).Distinct().Count());
        Assert.Equal(6 * 4, byChina.Count);
        Assert.All(byChina, p => Assert.Equal("CN", p.By));
        Assert.Equal(followUps.OrderBy(f => f.Due).Select(f => f.Due), followUps.Select(f => f.Due));
        Assert.Equal(6 * 4, followUps.Select(f => f.FollowUpId).Distinct().Count());
    }

    [Fact]
    public async Task as_known_at_a_moment_the_contacts_are_those_recorded_by_then()
    {
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await _ledger.Send(new LogInteraction(SeedCall.Draft() with { Source = null, Occurred = SeedCall.Draft().Occurred with { Date = new DateOnly(2022, 2, 2) } }));

        var then = await All<ContactLineView>(page => new ListContacts("CN-PE", page, new AsOf(before, null)));
        var now = await All<ContactLineView>(page => new ListContacts("CN-PE", page));

        Assert.Equal(6, then.Count);
        Assert.Equal(7, now.Count);
        Assert.Equal(new DateOnly(2022, 2, 2), now[0].OccurredOn);
    }

    [Fact]
    public async Task a_limit_out_of_range_or_a_cursor_this_list_did_not_give_is_rejected_by_field()
    {
        var limit = await Assert.ThrowsAsync<CommandRejected>(() => _ledger.Ask(new ListRelationships(Today, new PageRequest(0))));
        var cursor = await Assert.ThrowsAsync<CommandRejected>(() => _ledger.Ask(new ListContacts("CN-PE", new PageRequest(10, "not a cursor"))));

        Assert.Equal("limit", Assert.Single(limit.Errors).Field);
        Assert.Equal("cursor", Assert.Single(cursor.Errors).Field);
    }

    [Fact]
    public async Task a_confidential_reader_does_not_see_or_count_a_secret_relationship()
    {
        await _ledger.Send(new LogInteraction(SeedCall.Draft() with
        {
            Source = null, Participants = [new Participant("Envoy", "Minister", "VE"), SeedCall.Draft().Participants[1]], Statements = [], Commitments = [], FollowUps = [],
            Classification = Classification.Secret,
        }));

        var cleared = await _ledger.Ask(new ListRelationships(Today, new PageRequest()));
        var confidential = await _ledger.Ask(new ListRelationships(Today, new PageRequest()), Classification.Confidential);

        Assert.Contains(cleared.Items, r => r.Key == "PE-VE");
        Assert.DoesNotContain(confidential.Items, r => r.Key == "PE-VE");
        Assert.Equal(cleared.Total - 1, confidential.Total);
    }

    private async Task<IReadOnlyList<T>> All<T>(Func<PageRequest, Mediator.IQuery<Page<T>>> query)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var page = await _ledger.Ask(query(new PageRequest(4, cursor)));
            items.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        return items;
    }
}
