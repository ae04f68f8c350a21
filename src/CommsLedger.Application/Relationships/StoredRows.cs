using System.Globalization;
using System.Text.Json;
using CommsLedger.Application.Clearance;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Relationships;
using Marten;

namespace CommsLedger.Application.Relationships;

/// <summary>The order a list of rows is read in: by a date column, then by entry id (compared as PostgreSQL compares
/// uuids, which is the ordinal order of their text), so that a page ends at an exact place.</summary>
internal sealed record RowOrder<T>(string Column, bool Descending, Func<T, DateOnly> Date)
    where T : RelationshipRow
{
    public IEnumerable<T> Sort(IEnumerable<T> rows) => Descending
        ? rows.OrderByDescending(Date).ThenByDescending(r => r.EntryId.ToString(), StringComparer.Ordinal)
        : rows.OrderBy(Date).ThenBy(r => r.EntryId.ToString(), StringComparer.Ordinal);

    public bool IsAfter(T row, PageCursor cursor)
    {
        var order = Date(row).CompareTo(ReadDate(cursor));
        order = order != 0 ? order : string.CompareOrdinal(row.EntryId.ToString(), cursor.Id);
        return Descending ? order < 0 : order > 0;
    }

    public PageCursor CursorOf(T row) => new(Date(row).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.EntryId.ToString());

    public static DateOnly ReadDate(PageCursor cursor) => DateOnly.ParseExact(cursor.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The rows of a relationship in the database: current ones (<paramref name="Position"/> null) or the versions
/// valid at an earlier position of its ledger — the same indexed query either way.</summary>
internal sealed record StoredRows(IQuerySession Session, string Key, long? Position, Classification Clearance)
{
    public async Task<Page<T>> Page<T>(RowOrder<T> order, PageRequest page, CancellationToken cancellationToken, string? filter = null, params object[] filterArgs)
        where T : RelationshipRow
    {
        var (where, args) = Where("d", filter, filterArgs);
        if (page.After is { } after)
        {
            where += $" and (d.{order.Column}, d.entry_id) {(order.Descending ? "<" : ">")} (?, ?)";
            args = [.. args, RowOrder<T>.ReadDate(after), Guid.Parse(after.Id)];
        }

        var direction = order.Descending ? "desc" : "asc";
        var rows = await Session.QueryAsync<T>($"where {where} order by d.{order.Column} {direction}, d.entry_id {direction} limit ?", cancellationToken, [.. args, page.Limit + 1]);
        return page.Cut(rows, order.CursorOf);
    }

    /// <summary>First and last contact, and how many open follow-ups were due before <paramref name="today"/>, for each of
    /// <paramref name="keys"/>: a few index probes per relationship, for a page of them at once.</summary>
    public static async Task<IReadOnlyDictionary<string, RowFacts>> Facts(
        IQuerySession session, IReadOnlyList<string> keys, long? position, Classification clearance, DateOnly today, CancellationToken cancellationToken)
    {
        var contacts = session.DocumentStore.Options.Schema.For<ContactRow>();
        var followUps = session.DocumentStore.Options.Schema.For<FollowUpRow>();
        var markings = Markings(clearance);
        string Visible(string alias) => $"{alias}.key = k.key and {Valid(alias, position)} and {alias}.classification = any(?)";
        var sql = "select json_build_object("
            + $"'key', k.key, 'firstContact', (select c.occurred_on from {contacts} c where {Visible("c")} order by c.occurred_on, c.entry_id limit 1), "
            + $"'lastContact', (select c.occurred_on from {contacts} c where {Visible("c")} order by c.occurred_on desc, c.entry_id desc limit 1), "
            + $"'overdue', (select count(*) from {followUps} f where {Visible("f")} and f.due < ?))::text from unnest(?::varchar[]) as k(key)";
        var facts = await session.AdvancedSql.QueryAsync<string>(sql, cancellationToken, markings, markings, markings, today, keys.ToArray());
        return facts.Select(json => JsonSerializer.Deserialize<RowFacts>(json, JsonSerializerOptions.Web)!).ToDictionary(f => f.Key, StringComparer.Ordinal);
    }

    /// <summary>The rows of these entries as they stood at <paramref name="position"/>, whatever the reader's clearance
    /// (for a replay, which counts every marking).</summary>
    public static async Task<IReadOnlyList<RelationshipRow>> ValidAt(IQuerySession session, string key, Guid[] entries, long position, CancellationToken cancellationToken)
    {
        if (entries.Length == 0)
        {
            return [];
        }

        const string Valid = "where d.key = ? and d.entry_id = any(?) and d.from_position <= ? and (d.until_position is null or d.until_position > ?)";
        object[] args = [key, entries, position, position];
        return
        [
            .. await session.QueryAsync<ContactRow>(Valid, cancellationToken, args),
            .. await session.QueryAsync<PledgeRow>(Valid, cancellationToken, args),
            .. await session.QueryAsync<FollowUpRow>(Valid, cancellationToken, args),
        ];
    }

    /// <summary>On a new database the tables are created by the first append; the SQL of a read may come before it
    /// (Marten remembers the check, so after the first call this costs nothing).</summary>
    public static async Task EnsureTables(IQuerySession session, CancellationToken cancellationToken)
    {
        foreach (var type in RelationshipLedgerProjection.DocumentTypes.Append(typeof(JasperFx.Events.IEvent)))
        {
            await session.Database.EnsureStorageExistsAsync(type, cancellationToken);
        }
    }

    private (string Sql, object[] Args) Where(string alias, string? filter, object[] filterArgs) =>
        ($"{alias}.key = ? and {Valid(alias, Position)} and {alias}.classification = any(?)" + (filter is null ? "" : " and " + filter),
            [Key, Markings(Clearance), .. filterArgs]);

    /// <summary>Rows current now, or valid at a position (a number, so written into the text).</summary>
    private static string Valid(string alias, long? position) => position is null
        ? $"{alias}.until_position is null"
        : $"{alias}.from_position <= {position} and ({alias}.until_position is null or {alias}.until_position > {position})";

    private static string[] Markings(Classification clearance) => [.. clearance.VisibleMarkings().Select(m => m.ToString())];
}

/// <summary>What a relationship's rows say that its counters cannot: dates of its first and last contact, and how many
/// open follow-ups are overdue on a day.</summary>
internal sealed record RowFacts(string Key, DateOnly? FirstContact, DateOnly? LastContact, int Overdue);
