using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Application.Observability;
using CommsLedger.Integrity.Storage;
using Npgsql;

namespace CommsLedger.Api.Tests.Observability;

/// <summary>The real API on a real PostgreSQL, observed in-process as an OpenTelemetry SDK would observe it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TelemetryTests(PostgresCluster postgres) : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentBag<Activity> _spans = [];
    private readonly ConcurrentBag<(string Instrument, long Value)> _measurements = [];
    private readonly ActivityListener _tracing = new();
    private readonly MeterListener _metrics = new();
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _tracing.ShouldListenTo = source => source.Name is LedgerTelemetry.Name or "Microsoft.AspNetCore" or "Npgsql";
        _tracing.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _tracing.ActivityStopped = _spans.Add;
        ActivitySource.AddActivityListener(_tracing);
        _metrics.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LedgerTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _metrics.SetMeasurementEventCallback<long>((instrument, value, _, _) => _measurements.Add((instrument.Name, value)));
        _metrics.Start();
        _api = await ApiHost.StartAsync(postgres);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose()
    {
        _tracing.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task a_write_over_http_has_spans_for_the_request_the_mediator_and_npgsql_with_the_correlation_id()
    {
        var correlation = "otel-" + Guid.NewGuid().ToString("N");
        using var logged = await _api.Client(ApiHost.Recorder, correlation).PostAsync("/interactions", Requests.Json(Requests.Interaction()));

        var http = await SpanAsync(span => span.Source.Name == "Microsoft.AspNetCore" && Tag(span) == correlation);
        var mediator = await SpanAsync(span => span.Source.Name == LedgerTelemetry.Name && Tag(span) == correlation);
        var database = await SpanAsync(span => span.Source.Name == "Npgsql" && span.TraceId == http.TraceId);

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal("LogInteraction", mediator.DisplayName);
        Assert.Equal(http.TraceId, mediator.TraceId);
        Assert.Equal(http.TraceId, database.TraceId);
    }

    [Fact]
    public async Task appended_events_conflicts_and_rejected_inputs_are_counted_and_the_integrator_lag_is_measured()
    {
        var recorder = _api.Client(ApiHost.Recorder);
        using var logged = await recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        var pledge = (await logged.Body()).GetProperty("commitments")[0].GetProperty("pledgeId").GetGuid();
        using var refused = await recorder.PostAsync("/interactions", Requests.Json(Requests.Interaction(draft => draft with { Summary = "" })));
        using var progressed = await recorder.SendAsync(Requests.Post($"/pledges/{pledge}/progress", new { note = "first desk" }, 1));
        using var stale = await recorder.SendAsync(Requests.Post($"/pledges/{pledge}/progress", new { note = "second desk, stale" }, 1));
        await CreateLogTablesAsync();
        _metrics.RecordObservableInstruments();

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, progressed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.True(Sum("commsledger.events.appended") >= 2);
        Assert.True(Sum("commsledger.inputs.rejected") >= 1);
        Assert.True(Sum("commsledger.concurrency.conflicts") >= 1);
        Assert.Contains(_measurements, measured => measured.Instrument == "commsledger.integrator.lag" && measured.Value >= 1);
    }

    private long Sum(string instrument) => _measurements.Where(measured => measured.Instrument == instrument).Sum(measured => measured.Value);

    private static string? Tag(Activity span) => span.GetTagItem(LedgerTelemetry.CorrelationTag) as string;

    private async Task<Activity> SpanAsync(Func<Activity, bool> wanted)
    {
        for (var tries = 0; tries < 50; tries++)
        {
            if (_spans.FirstOrDefault(wanted) is { } span)
            {
                return span;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"no such span among {_spans.Count}");
    }

    private async Task CreateLogTablesAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_api.ConnectionString);
        await LogTables.EnsureAsync(dataSource, LedgerSchema.Default, CancellationToken.None);
    }
}
