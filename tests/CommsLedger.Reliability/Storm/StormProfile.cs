using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace CommsLedger.Reliability.Storm;

/// <summary>
/// Where the storm's time goes, sampled every 50 ms: what each of the ledger's PostgreSQL backends is doing
/// (<c>pg_stat_activity</c>: waiting on an advisory lock, running the append and projection writes, loading projection
/// documents, fetching a stream, idle inside a transaction while the application works), how many requests are in
/// flight, and how many are queued for a pooled connection (Npgsql's own meter). By Little's law the average number
/// in each state over the average in flight is the share of request time spent in it.
/// </summary>
public sealed class StormProfile : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private readonly Dictionary<string, double> _totals = new(StringComparer.Ordinal);
    private readonly MeterListener _meters = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int> _inFlight;
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _lockNames;
    private Dictionary<(long ClassId, long ObjId), string> _locks = [];
    private Task? _loop;
    private double _pendingNow;
    private double _inServer;
    private int _samples;
    private bool _disposed;

    /// <param name="lockNames">Advisory lock keys the writers take (as <c>StreamWriter</c> names them: "party:CN",
    /// "stream:…"), each with what it guards, so that a wait can be put down to the lock it waits for.</param>
    public StormProfile(string connectionString, Func<int> inFlight, IReadOnlyDictionary<string, string> lockNames)
    {
        _connectionString = connectionString;
        _inFlight = inFlight;
        _lockNames = lockNames;
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name == "Npgsql" && instrument.Name.EndsWith("pending_requests", StringComparison.Ordinal))
                || instrument.Name == ActiveRequests)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<int>((instrument, value, _, _) => Measured(instrument, value));
        _meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => Measured(instrument, value));
        _meters.Start();
    }

    /// <summary>ASP.NET Core's count of requests the server is working on (a counter of changes, summed as they come).</summary>
    private const string ActiveRequests = "http.server.active_requests";

    private void Measured(Instrument instrument, double value)
    {
        if (instrument.Name == ActiveRequests)
        {
            _inServer += value;
        }
        else
        {
            _pendingNow += value;
        }
    }

    public void Start() => _loop = Task.Run(() => Sample(_stop.Token));

    private async Task Sample(CancellationToken stop)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(stop);
        _locks = await LockKeys(connection);
        await using var command = new NpgsqlCommand("""
            select a.state, coalesce(a.wait_event_type, ''), coalesce(a.wait_event, ''), left(a.query, 400),
                   (select array[l.classid::bigint, l.objid::bigint] from pg_locks l
                    where l.pid = a.pid and not l.granted and l.locktype = 'advisory' limit 1)
            from pg_stat_activity a
            where a.datname = current_database() and a.pid <> pg_backend_pid() and a.backend_type = 'client backend' and a.state <> 'idle'
            """, connection);
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(Interval, CancellationToken.None);
            var states = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    var waitingFor = reader.IsDBNull(4) ? null : reader.GetFieldValue<long[]>(4);
                    states.Add(Classify(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), waitingFor));
                }
            }

            Tick(states);
        }
    }

    private void Tick(List<string> states)
    {
        _samples++;
        _pendingNow = 0;
        _meters.RecordObservableInstruments();
        Add("requests in flight", _inFlight());
        Add("in the API", _inServer);
        Add("waiting for a pooled connection", Math.Max(0, _pendingNow));
        foreach (var state in states)
        {
            Add(state, 1);
        }
    }

    private void Add(string state, double value) => _totals[state] = _totals.GetValueOrDefault(state) + value;

    /// <summary>How PostgreSQL shows each known lock in pg_locks: a 64-bit key as two 32-bit halves.</summary>
    private async Task<Dictionary<(long, long), string>> LockKeys(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "select k, (h >> 32) & 4294967295, h & 4294967295 from (select k, hashtextextended('commsledger:' || k, 0) h from unnest($1) k) t", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _lockNames.Keys.ToArray() });
        var keys = new Dictionary<(long, long), string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys[(reader.GetInt64(1), reader.GetInt64(2))] = _lockNames[reader.GetString(0)];
        }

        return keys;
    }

    private string Classify(string state, string waitType, string wait, string query, long[]? waitingFor) =>
        waitType == "Lock" && wait == "advisory"
            ? $"waiting on an advisory lock: {(waitingFor is [var classId, var objId] && _locks.TryGetValue((classId, objId), out var name) ? name : "another")}"
        : waitType == "Lock" ? $"waiting on a row lock ({wait})"
        : state.StartsWith("idle in transaction", StringComparison.Ordinal) ? "idle in a transaction (application code: decide, project, serialise)"
        : query.Contains("mt_quick_append_events", StringComparison.Ordinal) || query.Contains("mt_upsert_", StringComparison.Ordinal)
            || query.Contains("search_entries", StringComparison.Ordinal) ? "running the append and inline projection writes"
        : query.Contains(".mt_doc_", StringComparison.Ordinal) ? "running projection and document reads"
        : query.Contains(".mt_events", StringComparison.Ordinal) || query.Contains(".mt_streams", StringComparison.Ordinal) ? "running stream fetches and event reads"
        : "running other SQL";

    /// <summary>Each state's share of the time requests are in flight.</summary>
    public string Report()
    {
        if (_samples == 0 || _totals.GetValueOrDefault("requests in flight") == 0)
        {
            return "no samples";
        }

        var inFlight = _totals["requests in flight"] / _samples;
        var report = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{_samples} samples; {inFlight:0.0} requests in flight on average; share of their time:\n"));
        var accounted = 0.0;
        var inApi = _totals.GetValueOrDefault("in the API") / _samples;
        report.Append(CultureInfo.InvariantCulture, $"  {100 * Math.Max(0, inFlight - inApi) / inFlight,5:0.0}%  before the API: client, sockets, Kestrel's queue (avg {Math.Max(0, inFlight - inApi):0.00})\n");
        foreach (var (state, total) in _totals.Where(kv => kv.Key is not ("requests in flight" or "in the API")).OrderByDescending(kv => kv.Value))
        {
            var average = total / _samples;
            accounted += average;
            report.Append(CultureInfo.InvariantCulture, $"  {100 * average / inFlight,5:0.0}%  {state} (avg {average:0.00})\n");
        }

        var elsewhere = Math.Max(0, inApi - accounted);
        report.Append(CultureInfo.InvariantCulture, $"  {100 * elsewhere / inFlight,5:0.0}%  in the API outside any transaction: sign-in, reads, routing, JSON (avg {elsewhere:0.00})\n");
        return report.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _meters.Dispose();
        _stop.Dispose();
    }
}
