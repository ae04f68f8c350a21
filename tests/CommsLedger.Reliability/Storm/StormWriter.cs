using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CommsLedger.Reliability.Support;

namespace CommsLedger.Reliability.Storm;

/// <summary>
/// One desk officer at full speed: mostly progress notes on pledges everyone shares (read, write with If-Match, on a
/// 409 read again and retry), and now and then a new interaction. Every request carries its own correlation id and is
/// journalled with the answer it got.
/// </summary>
public sealed class StormWriter(int number, HttpClient client, IReadOnlyList<Guid> sharedPledges, WriteJournal journal)
{
    public const int EventsOfAnInteraction = 4;
    private const int MaxTries = 8;
    private static int _inFlight;
    private readonly Random _random = new(number);
    private int _writes;

    public static int InFlight => Volatile.Read(ref _inFlight);

    public async Task Run(DateTime until)
    {
        while (DateTime.UtcNow < until)
        {
            _writes++;
            if (_random.NextDouble() < 0.75)
            {
                await NoteProgress(sharedPledges[_random.Next(sharedPledges.Count)]);
            }
            else
            {
                await Log();
            }
        }
    }

    private async Task NoteProgress(Guid pledge)
    {
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            var version = await Read(pledge);
            var body = $$"""{"note": "progress {{number}}.{{_writes}}.{{attempt}}", "asOf": "2021-06-01"}""";
            var status = await Write($"/pledges/{pledge}/progress", body, version, $"storm-{number}-{_writes}-{attempt}", "progress", 1);
            if (status != HttpStatusCode.Conflict)
            {
                return;
            }
        }
    }

    private Task<HttpStatusCode> Log() =>
        Write("/interactions", Drafts.Interaction($"{number}.{_writes}", _random), null, $"storm-{number}-{_writes}", "interaction", EventsOfAnInteraction);

    private async Task<long> Read(Guid pledge)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            using var response = await client.GetAsync($"/pledges/{pledge}");
            response.EnsureSuccessStatusCode();
            return long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<HttpStatusCode> Write(string path, string json, long? ifMatch, string correlationId, string kind, int events)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Correlation-Id", correlationId);
        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        Interlocked.Increment(ref _inFlight);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request);
            journal.Record(new Attempt(correlationId, kind, (int)response.StatusCode, clock.Elapsed, events));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            journal.Record(new Attempt(correlationId, kind, 0, clock.Elapsed, events));
            return 0;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
