using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Corrections.Retracting;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.AddingStatements;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Interactions.Viewing;
using CommsLedger.Application.Pledges.Viewing;
using CommsLedger.Application.Search.Searching;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;

namespace CommsLedger.Application.Tests.Search;

[Collection(PostgresCollection.Name)]
public sealed class SearchTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const string Spanish = "El Perú agradece a China su apoyo en la lucha contra la pandemia y espera comprar las vacunas chinas.";
    private TestLedger _ledger = null!;
    private InteractionRecord _seed = null!;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        _seed = await _ledger.Send(new LogInteraction(SeedCall.Draft()));
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task the_seed_call_is_found_by_sinopharm_in_its_summary_statements_and_commitments()
    {
        var results = await _ledger.Ask(new SearchLedger("Sinopharm"));

        Assert.Contains(results.Hits, h => h.Kind == SearchKind.Interaction && h.EntryId == _seed.Id);
        Assert.Contains(results.Hits, h => h.Kind == SearchKind.Statement && h.Speaker == "Mario Lopez");
        Assert.Contains(results.Hits, h => h.Kind == SearchKind.Commitment && h.Link == $"/pledges/{h.EntryId}");
        Assert.All(results.Hits, h => Assert.Contains(h.Highlight, p => p.Match && p.Text.StartsWith("Sinopharm", StringComparison.Ordinal)));
        Assert.Equal(results.Total, results.Hits.Count);
        Assert.Equal([new FacetCount("CN-PE", results.Total)], results.Relationships);
        Assert.Equal([new FacetCount("2020", results.Total)], results.Years);
    }

    [Fact]
    public async Task the_seed_call_is_found_by_multilateralism_ranked_with_the_text_above_the_topic()
    {
        var results = await _ledger.Ask(new SearchLedger("multilateralism"));

        Assert.Equal(4, results.Total);
        Assert.Equal(2, results.Hits.Count(h => h.Kind == SearchKind.Statement));
        Assert.Equal(2, results.Hits.Count(h => h.Kind == SearchKind.Commitment));
        Assert.Equal([new FacetCount("CN", 2), new FacetCount("PE", 2)], results.Parties);
        Assert.True(results.Hits.Zip(results.Hits.Skip(1)).All(pair => pair.First.Rank >= pair.Second.Rank));
        Assert.All(results.Hits, h => Assert.Equal("english", h.Language));
    }

    [Fact]
    public async Task a_spanish_entry_is_indexed_in_spanish_and_found_by_a_spanish_query_in_another_form_of_the_word()
    {
        var read = await _ledger.Ask(new GetInteraction(_seed.Id));
        await _ledger.Send(new AddStatement(_seed.Id, read.Version, new StatementDraft("Mario Lopez", "PE", Spanish, ["COVID-19 vaccine"])));

        var results = await _ledger.Ask(new SearchLedger("vacuna apoyo"));

        var hit = Assert.Single(results.Hits);
        Assert.Equal(Spanish, hit.Text);
        Assert.Equal("spanish", hit.Language);
        Assert.Contains(hit.Highlight, p => p.Match && p.Text == "vacunas");
    }

    [Fact]
    public async Task web_syntax_phrases_or_and_exclusion_are_understood()
    {
        var phrase = await _ledger.Ask(new SearchLedger("\"clinical trials\""));
        var excluded = await _ledger.Ask(new SearchLedger("Sinopharm -Lopez"));
        var either = await _ledger.Ask(new SearchLedger("multilateralism or \"Import Expo\""));

        Assert.NotEmpty(phrase.Hits);
        Assert.All(phrase.Hits, h => Assert.Contains("clinical trials", h.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(excluded.Hits, h => h.Speaker == "Mario Lopez" || h.Kind == SearchKind.Interaction);
        Assert.NotEmpty(excluded.Hits);
        Assert.True(either.Total > (await _ledger.Ask(new SearchLedger("multilateralism"))).Total);
    }

    [Fact]
    public async Task filters_narrow_by_party_kind_commitment_kind_status_topic_and_occurred_date()
    {
        Assert.All((await _ledger.Ask(new SearchLedger("vaccine", Party: "PE"))).Hits, h => Assert.Contains("PE", h.Parties));
        Assert.All((await _ledger.Ask(new SearchLedger("vaccine", Kind: SearchKind.Commitment))).Hits, h => Assert.Equal(SearchKind.Commitment, h.Kind));
        var pledges = await _ledger.Ask(new SearchLedger("vaccine", CommitmentKind: CommitmentKind.Pledge, Status: PledgeStatus.Open));
        Assert.Equal(2, pledges.Total);
        Assert.Equal(3, (await _ledger.Ask(new SearchLedger("vaccine", Topic: "covid-19 VACCINE", Kind: SearchKind.Commitment))).Total);
        Assert.Equal(0, (await _ledger.Ask(new SearchLedger("vaccine", From: new DateOnly(2021, 1, 1)))).Total);
        Assert.NotEqual(0, (await _ledger.Ask(new SearchLedger("vaccine", From: new DateOnly(2020, 11, 5), To: new DateOnly(2020, 11, 5)))).Total);
        Assert.Equal(0, (await _ledger.Ask(new SearchLedger("vaccine", Relationship: "CN-US"))).Total);
    }

    [Fact]
    public async Task a_second_relationship_is_a_facet_of_its_own_a_relationship_filter_keeps_it_alone_and_participants_are_searchable()
    {
        var chile = await _ledger.Send(new LogInteraction(SeedCall.Draft() with
        {
            Occurred = new OccurredAt(new DateOnly(2021, 1, 20)),
            Participants = [new Participant("Wang Yi", "State Councilor and Foreign Minister", "CN"), new Participant("Andrés Allamand", "Minister of Foreign Affairs", "CL")],
            Summary = "Video call on the delivery of Sinopharm doses to Chile.",
            Source = null,
            Statements = [new StatementDraft("Andrés Allamand", "CL", "Chile thanks China for the first Sinopharm doses.", ["COVID-19 vaccine"])],
            Commitments = [],
            FollowUps = [],
        }));
        var other = Assert.Single(chile.Relationships);

        var everywhere = await _ledger.Ask(new SearchLedger("Sinopharm"));
        var inChile = await _ledger.Ask(new SearchLedger("Sinopharm", Relationship: other));
        var byTitle = await _ledger.Ask(new SearchLedger("\"Minister of Foreign Affairs\" Allamand", Kind: SearchKind.Interaction));

        Assert.Equal([new FacetCount("CN-PE", everywhere.Total - 2), new FacetCount(other, 2)], everywhere.Relationships);
        Assert.Equal([new FacetCount("2021", 2), new FacetCount("2020", everywhere.Total - 2)], everywhere.Years);
        Assert.Equal(2, inChile.Total);
        Assert.All(inChile.Hits, h => Assert.Equal([other], h.Relationships));
        Assert.Equal([new FacetCount(other, 2)], inChile.Relationships);
        Assert.Contains(new FacetCount("CL", 2), inChile.Parties);
        Assert.Equal(chile.Id, Assert.Single(byTitle.Hits).EntryId);
    }

    [Fact]
    public async Task a_secret_statement_is_neither_returned_nor_counted_for_a_confidential_reader()
    {
        var read = await _ledger.Ask(new GetInteraction(_seed.Id));
        await _ledger.Send(new AddStatement(_seed.Id, read.Version,
            new StatementDraft("Wang Yi", "CN", "China will quietly fund the Sinopharm plant near Lima.", ["COVID-19 vaccine"], Classification.Secret)));

        var secret = await _ledger.Ask(new SearchLedger("Sinopharm plant"), Classification.Secret);
        var confidential = await _ledger.Ask(new SearchLedger("Sinopharm plant"), Classification.Confidential);
        var broad = await _ledger.Ask(new SearchLedger("Sinopharm"), Classification.Confidential);
        var broadSecret = await _ledger.Ask(new SearchLedger("Sinopharm"), Classification.Secret);

        Assert.Equal(1, secret.Total);
        Assert.Equal(0, confidential.Total);
        Assert.Empty(confidential.Hits);
        Assert.Empty(confidential.Relationships);
        Assert.Empty(confidential.Parties);
        Assert.Empty(confidential.Years);
        Assert.Equal(broadSecret.Total - 1, broad.Total);
        Assert.Equal(broad.Total, broad.Relationships.Single().Count);
        Assert.Equal(broad.Total, broad.Years.Single().Count);
        Assert.Equal(broadSecret.Parties.Single(p => p.Value == "CN").Count - 1, broad.Parties.Single(p => p.Value == "CN").Count);
        Assert.DoesNotContain(broad.Hits, h => h.Classification == Classification.Secret);
    }

    [Fact]
    public async Task a_corrected_statement_is_found_by_its_new_text_now_and_by_its_old_text_as_known_before()
    {
        var read = await _ledger.Ask(new GetInteraction(_seed.Id));
        var statement = read.Statements.Single(s => s.Text.StartsWith("Next year marks", StringComparison.Ordinal));
        await Task.Delay(20);
        var beforeCorrection = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await _ledger.Send(new CorrectEntry(EntryKind.Statement, _seed.Id, statement.StatementId, read.Version, "text",
            "Next year marks the golden jubilee of China-Peru relations.", "wording of the published readout"));

        var newNow = await _ledger.Ask(new SearchLedger("jubilee"));
        var oldNow = await _ledger.Ask(new SearchLedger("\"profound meaning\""));
        var oldThen = await _ledger.Ask(new SearchLedger("\"profound meaning\"", KnownAt: beforeCorrection));
        var newThen = await _ledger.Ask(new SearchLedger("jubilee", KnownAt: beforeCorrection));
        var beforeAnything = await _ledger.Ask(new SearchLedger("Sinopharm", KnownAt: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(statement.StatementId, Assert.Single(newNow.Hits).EntryId);
        Assert.Empty(oldNow.Hits);
        Assert.Equal(statement.StatementId, Assert.Single(oldThen.Hits).EntryId);
        Assert.StartsWith("Next year marks the 50th anniversary", oldThen.Hits[0].Text, StringComparison.Ordinal);
        Assert.Empty(newThen.Hits);
        Assert.Equal(0, beforeAnything.Total);
    }

    [Fact]
    public async Task a_retracted_commitment_is_excluded_by_default_and_found_when_asked_for()
    {
        var pledgeId = _seed.Commitments.Single(c => c.Text.Contains("Import Expo", StringComparison.Ordinal)).PledgeId;
        var pledge = await _ledger.Ask(new GetPledge(pledgeId));
        await _ledger.Send(new RetractEntry(EntryKind.Pledge, pledgeId, null, pledge.Version, "An invitation, not a commitment"));

        var byDefault = await _ledger.Ask(new SearchLedger("\"Import Expo\"", Kind: SearchKind.Commitment));
        var asked = await _ledger.Ask(new SearchLedger("\"Import Expo\"", Kind: SearchKind.Commitment, IncludeRetracted: true));

        Assert.Empty(byDefault.Hits);
        var hit = Assert.Single(asked.Hits);
        Assert.True(hit.Retracted);
        Assert.Equal(PledgeStatus.Retracted, hit.Status);
    }

    [Fact]
    public async Task a_status_change_is_searchable_and_filterable()
    {
        var pledgeId = _seed.Commitments[1].PledgeId;
        var pledge = await _ledger.Ask(new GetPledge(pledgeId));
        await _ledger.Send(new CommsLedger.Application.Pledges.ChangingStatus.ChangePledgeStatus(pledgeId, pledge.Version, PledgeStatus.Fulfilled, new DateOnly(2021, 2, 9), "Trials ran"));

        var fulfilled = await _ledger.Ask(new SearchLedger("Sinopharm fulfilled"));

        Assert.Equal(pledgeId, Assert.Single(fulfilled.Hits).EntryId);
        Assert.Equal(1, (await _ledger.Ask(new SearchLedger("Sinopharm", Status: PledgeStatus.Fulfilled))).Total);
    }

    [Fact]
    public async Task pages_split_the_ranked_hits_and_facets_count_every_hit()
    {
        var all = await _ledger.Ask(new SearchLedger("China", PageSize: 100));
        var second = await _ledger.Ask(new SearchLedger("China", Page: 2, PageSize: 3));

        Assert.True(all.Total > 6);
        Assert.Equal(all.Hits.Skip(3).Take(3).Select(h => h.EntryId), second.Hits.Select(h => h.EntryId));
        Assert.Equal(all.Total, second.Total);
        Assert.Equal(all.Parties, second.Parties);
    }

    [Fact]
    public async Task bad_search_input_is_refused_naming_the_field()
    {
        var rejected = await Assert.ThrowsAsync<CommandRejected>(async () =>
            await _ledger.Ask(new SearchLedger(" ", PageSize: 1000, From: new DateOnly(2021, 1, 1), To: new DateOnly(2020, 1, 1))));

        Assert.Equal(["q", "from", "pageSize"], rejected.Errors.Select(e => e.Field));
    }
}
