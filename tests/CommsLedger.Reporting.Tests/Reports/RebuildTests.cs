using CommsLedger.Application.Corrections;
using CommsLedger.Application.Corrections.Correcting;
using CommsLedger.Application.Reports.Brief;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Application.Tests.Reports;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Reporting.Tests.Reports;

[Collection(PostgresCollection.Name)]
public sealed class RebuildTests(PostgresCluster postgres) : IAsyncLifetime
{
    private static readonly DateOnly On = new(2021, 4, 1);
    private TestLedger _ledger = null!;

    public async Task InitializeAsync() => _ledger = await TestLedger.Create(postgres);

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task a_report_rebuilt_at_its_own_position_is_byte_identical_but_for_the_generated_line()
    {
        var scenario = await ReportScenario.Record(_ledger);
        var (brief, briefNow) = await Rendered.All(_ledger, new BuildBrief("CN-PE", On, new DateOnly(2020, 1, 1)), Classification.TopSecret);
        var (_, cardNow) = await Rendered.All(_ledger, new BuildScorecard(), Classification.TopSecret);
        await Task.Delay(20);
        var knownAt = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await _ledger.Send(new CorrectEntry(EntryKind.Pledge, scenario.Pledges[1], null, await ReportScenario.Version(_ledger, scenario.Pledges[1]), "text", "China backs the Sinopharm trials", "paraphrase"));
        await ReportScenario.Assess(_ledger, scenario.Pledges[6], +1, new DateOnly(2021, 3, 20));

        var sequence = brief.Header.Position.LastSequence;
        var (_, briefAtSequence) = await Rendered.All(_ledger, new BuildBrief("CN-PE", On, new DateOnly(2020, 1, 1), At: new ReportAt(Sequence: sequence)), Classification.TopSecret, "at sequence");
        var (_, briefKnownAt) = await Rendered.All(_ledger, new BuildBrief("CN-PE", On, new DateOnly(2020, 1, 1), At: new ReportAt(knownAt)), Classification.TopSecret);
        var (_, cardAtSequence) = await Rendered.All(_ledger, new BuildScorecard(new ReportAt(Sequence: sequence)), Classification.TopSecret);
        var (later, briefLater) = await Rendered.All(_ledger, new BuildBrief("CN-PE", On, new DateOnly(2020, 1, 1)), Classification.TopSecret);

        foreach (var format in Rendered.TextFormats)
        {
            Assert.Equal(briefNow[format], briefKnownAt[format]);
            Assert.Equal(cardNow[format], cardAtSequence[format].Replace("at sequence", "now", StringComparison.Ordinal));
            var (was, rebuilt) = Assert.Single(Rendered.DifferentLines(briefNow[format], briefAtSequence[format]));
            Assert.Contains("Generated at 2026-12-02T12:00:00Z", was, StringComparison.Ordinal);
            Assert.Contains("(position requested: at sequence)", rebuilt, StringComparison.Ordinal);
        }

        // As known before the correction: the old text, at the earlier position; now: the new text, at a later one.
        Assert.Contains("China supports Peru in arranging", briefAtSequence[ReportFormat.Md], StringComparison.Ordinal);
        Assert.DoesNotContain("China backs the Sinopharm trials", briefAtSequence[ReportFormat.Md], StringComparison.Ordinal);
        Assert.Contains($"events up to sequence {sequence} (the last one included)", briefAtSequence[ReportFormat.Md], StringComparison.Ordinal);
        Assert.Contains("China backs the Sinopharm trials", briefLater[ReportFormat.Md], StringComparison.Ordinal);
        Assert.True(later.Header.Position.LastSequence > sequence);
    }
}
