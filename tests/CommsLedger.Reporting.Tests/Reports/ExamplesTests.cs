using System.Text;
using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Reports;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Documents;

namespace CommsLedger.Reporting.Tests.Reports;

/// <summary>The example reports committed under <c>docs/examples/</c> are what the code builds from the seed call
/// today (as a CONFIDENTIAL reporter, overdue judged on 1 June 2021). When a change to the reports is meant, refresh
/// them with <c>COMMSLEDGER_UPDATE_EXAMPLES=1 dotnet test tests/CommsLedger.Reporting.Tests --filter Examples</c>
/// (which also prints the brief's PDF again).</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExamplesTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateOnly On = new(2021, 6, 1);
    private static readonly Generation Generated = new(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), "reporter.c (clearance CONFIDENTIAL)", "now");

    private static readonly (string File, ReportRequest Request, ReportFormat Format)[] Examples =
    [
        ("brief-CN-PE.md", new("brief", "CN-PE", On, new DateOnly(2020, 1, 1)), ReportFormat.Md),
        ("brief-CN-PE.html", new("brief", "CN-PE", On, new DateOnly(2020, 1, 1)), ReportFormat.Html),
        ("overdue.md", new("overdue", On: On), ReportFormat.Md),
        ("overdue.html", new("overdue", On: On), ReportFormat.Html),
        ("scorecard.md", new("scorecard"), ReportFormat.Md),
        ("scorecard.html", new("scorecard"), ReportFormat.Html),
        ("scorecard.csv", new("scorecard"), ReportFormat.Csv),
        ("activity.md", new("activity", From: new DateOnly(2020, 9, 1), To: new DateOnly(2021, 2, 1)), ReportFormat.Md),
        ("activity.html", new("activity", From: new DateOnly(2020, 9, 1), To: new DateOnly(2021, 2, 1)), ReportFormat.Html),
        ("activity.json", new("activity", From: new DateOnly(2020, 9, 1), To: new DateOnly(2021, 2, 1)), ReportFormat.Json),
    ];

    private TestLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        await _ledger.Send(new LogInteraction(SeedCall.Draft()));
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task the_committed_examples_are_what_the_seed_call_gives()
    {
        var folder = Path.Combine(Support.Repository.Root, "docs", "examples");
        var update = Environment.GetEnvironmentVariable("COMMSLEDGER_UPDATE_EXAMPLES") == "1";
        foreach (var (file, request, format) in Examples)
        {
            var report = await _ledger.Ask(request.Query(On), Classification.Confidential);
            var text = Encoding.UTF8.GetString(await CommsLedger.Reporting.Reports.Render(report, format, Generated));
            var path = Path.Combine(folder, file);
            if (update)
            {
                Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(path, text);
                if (file == "brief-CN-PE.html")
                {
                    await File.WriteAllBytesAsync(Path.ChangeExtension(path, ".pdf"), await CommsLedger.Reporting.Reports.Render(report, ReportFormat.Pdf, Generated));
                }
            }

            Assert.True(File.Exists(path), $"{path} is missing: COMMSLEDGER_UPDATE_EXAMPLES=1 dotnet test tests/CommsLedger.Reporting.Tests --filter Examples");
            Assert.Equal(await File.ReadAllTextAsync(path), text);
        }
    }
}
