using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CommsLedger.Api.Hosting;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Interactions.Importing;
using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Relationships.Activity;
using CommsLedger.Application.Relationships.Listing;
using CommsLedger.Application.Relationships.Paging;
using CommsLedger.Application.Relationships.Viewing;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CommsLedger.Benchmarks;

/// <summary>
/// Server time of the web application's overview (/) and relationship (/relationship/KEY) pages with 1,000 and
/// 10,000 relationships: one ledger of each size (one call per relationship, bulk-imported), each served by the real
/// application (pages and API composed as Program.cs does) on Kestrel; a signed-in TOP SECRET reviewer's requests
/// over loopback, the two sizes taking turns request by request. The mediator queries behind each page are timed
/// alone too, so the table shows how much of a page is its queries.
/// </summary>
public static partial class PagesScenario
{
    private const string Password = "benchmark password";

    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        var sites = new List<Site>();
        try
        {
            foreach (var size in settings.PageSizes)
            {
                sites.Add(await Site.StartAsync(cluster, size));
            }

            var measures = Measures(sites[0].MiddleKey);
            var samples = sites.Select(_ => measures.Select(_ => new List<double>()).ToArray()).ToArray();
            for (var round = 0; round < settings.WarmUps * 3 + settings.Reps * 4; round++)
            {
                for (var m = 0; m < measures.Length; m++)
                {
                    for (var s = 0; s < sites.Count; s++)
                    {
                        var site = sites[(s + round) % sites.Count];
                        var elapsed = await measures[m].Run(site);
                        if (round >= settings.WarmUps * 3)
                        {
                            samples[sites.IndexOf(site)][m].Add(elapsed);
                        }
                    }
                }
            }

            return Table(sites, measures, samples);
        }
        finally
        {
            foreach (var site in sites)
            {
                await site.DisposeAsync();
            }
        }
    }

    private static Measure[] Measures(string key) =>
    [
        new("GET / (overview, first page of 50, by key)", site => site.Page("/")),
        new("GET /?sort=last-contact", site => site.Page("/?sort=last-contact")),
        new("  query alone: ListRelationships", site => site.Time(() => site.Ledger.Ask(new ListRelationships(Drafts.Today, new PageRequest())))),
        new($"GET /relationship/{key}", site => site.Page($"/relationship/{key}")),
        new("  query alone: GetRelationship", site => site.Time(() => site.Ledger.Ask(new GetRelationship(key, Drafts.Today)))),
        new("  query alone: GetRelationshipActivity", site => site.Time(() => site.Ledger.Ask(new GetRelationshipActivity(key)))),
    ];

    private static string Table(List<Site> sites, Measure[] measures, List<double>[][] samples)
    {
        var headers = new List<string> { "what (server time over loopback, ms)" };
        foreach (var site in sites)
        {
            headers.Add($"{site.Size:N0} rel. p50");
            headers.Add("p95");
        }

        headers.Add($"ratio {sites[^1].Size:N0}/{sites[0].Size:N0} (p50)");
        var table = new MarkdownTable([.. headers]);
        for (var m = 0; m < measures.Length; m++)
        {
            var cells = new List<string> { measures[m].Label };
            foreach (var s in Enumerable.Range(0, sites.Count))
            {
                cells.Add(MarkdownTable.Number(Harness.Median(samples[s][m]), "N1"));
                cells.Add(MarkdownTable.Number(Percentile(samples[s][m], 0.95), "N1"));
            }

            cells.Add(MarkdownTable.Number(Harness.Median(samples[^1][m]) / Harness.Median(samples[0][m]), "N1") + "×");
            table.Row([.. cells]);
        }

        return $"pages: {samples[0][0].Count} requests per cell; {string.Join(", ", sites.Select(s => $"{s.Size:N0} relationships = {s.Events:N0} events"))}\n" + table;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private sealed record Measure(string Label, Func<Site, Task<double>> Run);

    /// <summary>A ledger of <see cref="Size"/> relationships, the application serving it, and a signed-in browser-like client.</summary>
    private sealed class Site : IAsyncDisposable
    {
        private WebApplication _app = null!;
        private HttpClient _client = null!;

        public int Size { get; private init; }
        public long Events { get; private set; }
        public LedgerHost Ledger { get; private set; } = null!;
        public string MiddleKey { get; private set; } = "";

        public static async Task<Site> StartAsync(EmbeddedCluster cluster, int size)
        {
            var connection = await cluster.CreateDatabaseAsync($"bench_pages_{size}");
            var site = new Site { Size = size, Ledger = LedgerHost.Create(connection) };
            await site.Ledger.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var pairs = Pairs(size);
            site.MiddleKey = RelationshipKey.Of(pairs[size / 2].A, pairs[size / 2].B);
            var lines = pairs.Select((pair, i) => InteractionJson.Write(Call(i, pair.A, pair.B))).ToArray();
            var imported = await site.Ledger.Send(new ImportInteractions(() => new StringReader(string.Join('\n', lines)), Bulk: true, BatchSize: 1000));
            site.Events = imported.Events;
            await site.Ledger.Send(new AddUser("bench", [LedgerRole.Reviewer], Classification.TopSecret, Password));
            await site.ServeAsync(connection);
            return site;
        }

        public async Task<double> Page(string path)
        {
            var stopwatch = Stopwatch.StartNew();
            using var response = await _client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            return response.StatusCode == HttpStatusCode.OK ? elapsed : throw new InvalidOperationException($"GET {path} answered {response.StatusCode}");
        }

        public async Task<double> Time<T>(Func<Task<T>> query)
        {
            var stopwatch = Stopwatch.StartNew();
            await query();
            return stopwatch.Elapsed.TotalMilliseconds;
        }

        private async Task ServeAsync(string connection)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                EnvironmentName = "Production",
                ApplicationName = typeof(WebComposition).Assembly.GetName().Name,
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _app = builder.AddLedgerApi(connection).AddLedgerWeb().Build();
            _app.UseLedgerWeb();
            _app.UseLedgerApi();
            await _app.StartAsync();
            _client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
            {
                BaseAddress = new Uri(Announcement.ListeningAt(_app)),
            };
            var form = await _client.GetStringAsync("/sign-in");
            var token = Token().Match(form).Groups["token"].Value;
            using var signedIn = await _client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Name"] = "bench", ["Password"] = Password, ["__RequestVerificationToken"] = token,
            }));
            if (!(await signedIn.Content.ReadAsStringAsync()).Contains("Signed in as", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the benchmark user could not sign in");
            }
        }

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            if (_app is not null)
            {
                await _app.StopAsync();
                await _app.DisposeAsync();
            }

            await Ledger.DisposeAsync();
        }
    }

    /// <summary>The first <paramref name="count"/> pairs of country codes, each a relationship of its own.</summary>
    private static (string A, string B)[] Pairs(int count)
    {
        var codes = Enumerable.Range('A', 26).SelectMany(a => Enumerable.Range('A', 26).Select(b => $"{(char)a}{(char)b}"))
            .Where(code => PartyCode.Normalise(code, out _) == code).ToArray();
        return [.. codes.SelectMany((a, i) => codes.Skip(i + 1).Select(b => (a, b))).Take(count)];
    }

    /// <summary>A call with two statements, a pledge by each side (one due, so follow-ups can be overdue) and a follow-up.</summary>
    private static InteractionDraft Call(int number, string a, string b) => new(
        InteractionKind.PhoneCall,
        new OccurredAt(new DateOnly(2020 + number % 5, 1 + number % 12, 1 + number % 28)),
        [new Participant($"Minister of {a}", "Foreign Minister", a), new Participant($"Minister of {b}", "Foreign Minister", b)],
        $"Call {number} between {a} and {b} on trade and health cooperation",
        new SourceReference($"bench-pages-{number}", null, null),
        Classification.Unclassified,
        ["041"],
        [Drafts.Statement(a, 0), Drafts.Statement(b, 1)],
        [
            new CommitmentDraft(a, b, CommitmentKind.Pledge, $"{a} will open a trade office, call {number}", "trade", Drafts.Today.AddDays(number % 60 - 30), [], []),
            new CommitmentDraft(b, a, CommitmentKind.Intent, $"{b} intends to send a health mission, call {number}", "health", null, [], []),
        ],
        [new FollowUpDraft($"Report on call {number}", "Desk officer", Drafts.Today.AddDays(number % 40 - 20))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();
}
