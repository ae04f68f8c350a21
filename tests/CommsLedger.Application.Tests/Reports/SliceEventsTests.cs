using System.Text.Json;
using CommsLedger.Application.Clearance;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Pledges;
using JasperFx.Events;
using Marten;

namespace CommsLedger.Application.Tests.Reports;

/// <summary>Reports read events with their own SQL (<see cref="SliceEvents"/>); they must be the events Marten reads.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SliceEventsTests(PostgresCluster postgres) : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task the_report_reader_gives_the_events_marten_gives_with_their_data_and_metadata()
    {
        await ReportScenario.Record(_ledger);
        await using var session = _ledger.Store.QuerySession();
        var all = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        var middle = all[all.Count / 2].Sequence;
        Type[] types = [typeof(PledgeMade), typeof(ComplianceAssessed)];

        Same(all, await Read(new SliceFilter(null, null), ReportAt.Now));
        Same([.. all.Where(e => e.Sequence <= middle)], await Read(new SliceFilter(null, null), new ReportAt(Sequence: middle)));
        Same([.. all.Where(e => e.Timestamp <= all[3].Timestamp)], await Read(new SliceFilter(null, null), new ReportAt(all[3].Timestamp)));
        Same([.. all.Where(e => types.Contains(e.EventType))], await Read(new SliceFilter(null, types), ReportAt.Now));
        Same([.. all.Where(e => e.StreamId == all[^1].StreamId)], await Read(new SliceFilter([all[^1].StreamId], null), ReportAt.Now));
    }

    private async Task<List<IEvent>> Read(SliceFilter filter, ReportAt at)
    {
        await using var connection = _ledger.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        var events = new List<IEvent>();
        await foreach (var e in new SliceEvents(_ledger.Store, filter, at).Read(connection, CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal(events.Count, await new SliceEvents(_ledger.Store, filter, at).Count(connection, CancellationToken.None));
        return events;
    }

    private static void Same(IReadOnlyList<IEvent> expected, IReadOnlyList<IEvent> actual)
    {
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(Described), actual.Select(Described));
    }

    private static string Described(IEvent e) =>
        $"{e.Sequence} {e.Id} {e.StreamId} v{e.Version} {e.EventTypeName} {e.EventType.FullName} {e.Data.GetType().Name} {e.Timestamp:O} {e.UserName} "
        + $"{Visibility.MarkingOf(e)} {JsonSerializer.Serialize(e.Data, e.Data.GetType())}";
}
