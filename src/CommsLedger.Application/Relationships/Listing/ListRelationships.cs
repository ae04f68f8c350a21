using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Relationships;
using Marten;
using Mediator;

namespace CommsLedger.Application.Relationships.Listing;

public enum RelationshipSort
{
    Key,
    LastContact,
    OpenPledges,
    Overdue,
}

/// <summary>The relationships the reader may see, a page at a time: by key, or by last contact, open pledges or overdue
/// follow-ups (most first, then by key); optionally only those of one <paramref name="Party"/>.</summary>
public sealed record ListRelationships(DateOnly Today, PageRequest Page, string? Party = null, RelationshipSort Sort = RelationshipSort.Key)
    : IQuery<RelationshipPage>, IChecked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors =>
    {
        Page.Check(errors);
        errors.Require(Party is null || PartyCode.Normalise(Party, out _) is not null, "party", $"'{Party}' is not a country or organisation code");
    });
}

/// <param name="Total">How many relationships the reader may see under the filter, on every page.</param>
public sealed record RelationshipPage(IReadOnlyList<RelationshipSummary> Items, string? Next, int Total);

public sealed class ListRelationshipsHandler(IQuerySession session, Actor actor) : IQueryHandler<ListRelationships, RelationshipPage>
{
    public async ValueTask<RelationshipPage> Handle(ListRelationships query, CancellationToken cancellationToken)
    {
        await StoredRows.EnsureTables(session, cancellationToken);
        var filter = new LedgerFilter(session, actor.Clearance, query.Party is null ? null : PartyCode.Normalise(query.Party, out _));
        var page = query.Sort == RelationshipSort.Key
            ? await filter.ByKey(query.Page, cancellationToken)
            : await filter.BySortValue(SortValue(query.Sort), query.Page, query.Today, cancellationToken);
        var keys = page.Items.Select(k => k.Id).ToArray();
        var ledgers = (await session.LoadManyAsync<RelationshipLedger>(cancellationToken, keys)).ToDictionary(l => l.Id, StringComparer.Ordinal);
        var facts = await StoredRows.Facts(session, keys, null, actor.Clearance, query.Today, cancellationToken);
        var items = keys.Select(key => new Counted(ledgers[key], actor.Clearance).Summary(facts[key])).ToArray();
        return new RelationshipPage(items, page.Next, await filter.Count(cancellationToken));
    }

    /// <summary>The value each sort orders by, as SQL over a ledger row <c>d</c>; parameters: the visible markings (and the day).</summary>
    private static SortValue SortValue(RelationshipSort sort) => sort switch
    {
        RelationshipSort.LastContact => new("coalesce((select c.occurred_on from {contacts} c where c.key = d.id and c.until_position is null "
            + "and c.classification = any(?) order by c.occurred_on desc, c.entry_id desc limit 1), '0001-01-01'::date)::text", false),
        RelationshipSort.OpenPledges => new("lpad((select coalesce(sum((s.value -> 'byStatus' -> 0 ->> m.i)::int), 0) from jsonb_each(d.data -> 'sides') s "
            + "cross join generate_series(0, ?) m(i))::text, 10, '0')", true),
        _ => new("lpad((select count(*) from {followUps} f where f.key = d.id and f.until_position is null and f.classification = any(?) and f.due < ?)::text, 10, '0')", false, UsesDay: true),
    };
}

/// <param name="Sql">The value as sortable text (dates ISO, counts zero-padded), so one keyset condition serves all.</param>
/// <param name="ByClearance">The parameter is the clearance's rank rather than the visible markings.</param>
internal sealed record SortValue(string Sql, bool ByClearance, bool UsesDay = false);

/// <summary>The ledgers a reader may see (<see cref="RelationshipLedger.Lowest"/> within clearance), of one party or all.</summary>
internal sealed record LedgerFilter(IQuerySession Session, Classification Clearance, string? Party)
{
    private string Ledgers => Session.DocumentStore.Options.Schema.For<RelationshipLedger>();

    private string[] Markings => [.. Clearance.VisibleMarkings().Select(m => m.ToString())];

    private string Where => "d.lowest = any(?)" + (Party is null ? "" : " and (split_part(d.id, '-', 1) = ? or split_part(d.id, '-', 2) = ?)");

    private object[] Args => Party is null ? [Markings] : [Markings, Party, Party];

    public async Task<int> Count(CancellationToken cancellationToken) =>
        (int)(await Session.AdvancedSql.QueryAsync<long>($"select count(*) from {Ledgers} d where {Where}", cancellationToken, Args)).Single();

    public async Task<Page<PageCursor>> ByKey(PageRequest page, CancellationToken cancellationToken)
    {
        var after = page.After is { } cursor ? " and d.id > ?" : "";
        object[] args = page.After is { } from ? [.. Args, from.Id] : Args;
        var keys = await Session.AdvancedSql.QueryAsync<string>($"select d.id from {Ledgers} d where {Where}{after} order by d.id limit ?", cancellationToken, [.. args, page.Limit + 1]);
        return page.Cut([.. keys.Select(k => new PageCursor("", k))], k => k);
    }

    /// <summary>Most first, then by key: the value of every visible ledger is worked out, then one page is cut.</summary>
    public async Task<Page<PageCursor>> BySortValue(SortValue sort, PageRequest page, DateOnly today, CancellationToken cancellationToken)
    {
        var value = sort.Sql
            .Replace("{contacts}", Session.DocumentStore.Options.Schema.For<ContactRow>(), StringComparison.Ordinal)
            .Replace("{followUps}", Session.DocumentStore.Options.Schema.For<FollowUpRow>(), StringComparison.Ordinal);
        object[] valueArgs = sort.ByClearance ? [(int)Clearance] : sort.UsesDay ? [Markings, today] : [Markings];
        var after = page.After is { } cursor ? " where x.v < ? or (x.v = ? and x.id > ?)" : "";
        object[] afterArgs = page.After is { } from ? [from.Value, from.Value, from.Id] : [];
        var rows = await Session.AdvancedSql.QueryAsync<string>(
            $"select x.v || chr(10) || x.id from (select d.id, {value} as v from {Ledgers} d where {Where}) x{after} order by x.v desc, x.id limit ?",
            cancellationToken, [.. valueArgs, .. Args, .. afterArgs, page.Limit + 1]);
        return page.Cut([.. rows.Select(r => r.Split('\n') is [var v, var id] ? new PageCursor(v, id) : throw new FormatException(r))], k => k);
    }
}
