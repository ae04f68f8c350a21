using System.Diagnostics;
using System.Net;
using System.Text;
using CommsLedger.Reliability.Storm;
using CommsLedger.Reliability.Support;

namespace CommsLedger.Reliability.Crash;

/// <summary>
/// Logs interactions as a careful client does through an outage: each write has its own Idempotency-Key and correlation
/// id, and is sent again with them after a 503 or a dropped connection until it gets an answer. A 409 saying the key's
/// change was recorded but its answer lost counts as recorded. A write still unanswered when the writer stops is in doubt.
/// </summary>
public sealed class CrashWriter(string name, Func<HttpClient> client, WriteJournal journal)
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);
    private readonly Random _random = new(name.GetHashCode(StringComparison.Ordinal));
    private int _writes;

    public int Faults { get; private set; }

    /// <summary>Writes until told to stop; the write in hand is still seen through (until <paramref name="giveUpAt"/>).</summary>
    public async Task Run(CancellationToken stop, DateTime giveUpAt)
    {
        while (!stop.IsCancellationRequested)
        {
            await Log(giveUpAt);
        }
    }

    private async Task Log(DateTime giveUpAt)
    {
        var id = $"crash-{name}-{++_writes}";
        var body = Drafts.Interaction(id, _random);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, recordedUnanswered) = await Send(id, body);
            if (status is not (0 or HttpStatusCode.ServiceUnavailable) || DateTime.UtcNow > giveUpAt)
            {
                journal.Record(new Attempt(id, "interaction", (int)status, clock.Elapsed, StormWriter.EventsOfAnInteraction, recordedUnanswered));
                return;
            }

            Faults++;
            await Task.Delay(Pause);
        }
    }

    private async Task<(HttpStatusCode Status, bool RecordedUnanswered)> Send(string id, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", id);
        request.Headers.Add("X-Correlation-Id", id);
        try
        {
            using var response = await client().SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.StatusCode == HttpStatusCode.Conflict && text.Contains("was recorded but its response was not kept", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, false);
        }
    }
}
