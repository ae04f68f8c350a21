using System.Net;
using CommsLedger.Api.Tests.Support;

namespace CommsLedger.Api.Tests.Reports;

[Collection(PostgresCollection.Name)]
public sealed class ReportEndpointTests(PostgresCluster postgres) : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(postgres);
        using var logged = await _api.Client(ApiHost.Recorder).PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task a_reporter_gets_a_brief_with_its_banner_position_and_pinned_generated_line()
    {
        using var first = await _api.Client(ApiHost.Reporter).GetAsync("/reports/brief?relationship=pe-cn&format=md&on=2021-01-01&generatedAt=2026-12-02T12:00Z");
        var text = await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/markdown", first.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("**UNCLASSIFIED**", text, StringComparison.Ordinal);
        Assert.Contains("| relationship | CN-PE |", text, StringComparison.Ordinal);
        Assert.Contains("Generated at 2026-12-02T12:00:00Z for rory", text, StringComparison.Ordinal);
        var sequence = System.Text.RegularExpressions.Regex.Match(text, @"events up to sequence (\d+)").Groups[1].Value;
        using var again = await _api.Client(ApiHost.Reporter).GetAsync($"/reports/brief?relationship=CN-PE&format=md&on=2021-01-01&generatedAt=2026-12-02T12:00Z&atSequence={sequence}");
        Assert.Equal(text.Replace("requested: now", $"requested: at sequence {sequence}", StringComparison.Ordinal), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task a_reporter_gets_the_overdue_follow_ups_and_the_activity_with_its_chart()
    {
        using var overdue = await _api.Client(ApiHost.Reporter).GetAsync("/reports/overdue?format=csv&on=2021-06-01&relationship=CN-PE");
        using var activity = await _api.Client(ApiHost.Reporter).GetAsync("/reports/activity?format=html&per=party&from=2020-10&to=2020-12");
        var csv = await overdue.Content.ReadAsStringAsync();
        var html = await activity.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, overdue.StatusCode);
        Assert.Equal("text/csv", overdue.Content.Headers.ContentType?.MediaType);
        Assert.Contains("report,0,UNCLASSIFIED,on,2021-06-01", csv, StringComparison.Ordinal);
        Assert.Contains("Overdue follow-ups per owner and relationship", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, activity.StatusCode);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<td>2020-12</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task bad_report_parameters_are_400_naming_the_field()
    {
        using var kind = await _api.Client(ApiHost.Reporter).GetAsync("/reports/gossip");
        using var format = await _api.Client(ApiHost.Reporter).GetAsync("/reports/scorecard?format=docx");
        using var sequence = await _api.Client(ApiHost.Reporter).GetAsync("/reports/scorecard?atSequence=minus");
        using var missing = await _api.Client(ApiHost.Reporter).GetAsync("/reports/brief");
        using var month = await _api.Client(ApiHost.Reporter).GetAsync("/reports/activity?from=last-year&per=planet");

        Assert.Contains("kind", (await kind.Problem(HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("format", (await format.Problem(HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("atSequence", (await sequence.Problem(HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("relationship", (await missing.Problem(HttpStatusCode.BadRequest)).Keys);
        Assert.Contains("from", (await month.Problem(HttpStatusCode.BadRequest)).Keys);
    }
}
