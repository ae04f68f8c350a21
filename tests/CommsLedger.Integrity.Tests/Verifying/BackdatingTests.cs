using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Tests.Fixtures;
using CommsLedger.Integrity.Verifying;

namespace CommsLedger.Integrity.Tests.Verifying;

/// <summary>
/// The application role may insert events (that is how it appends), so it can insert one with any timestamp. The log
/// covers such an event like any other; its recorded time going back from the event before it is what gives it away,
/// to the integrator as it integrates it and to verify ever after.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BackdatingTests(PostgresCluster cluster)
{
    [Fact]
    public async Task an_event_inserted_by_the_application_role_with_a_backdated_time_is_flagged_by_the_integrator_and_by_verify()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(BackdatingTests));
        await ledger.SeedAsync(5);
        await ledger.Integrator().CatchUpAsync();
        await ledger.SeedAsync(2);

        var forged = await InsertAsAppAsync(ledger, "now() - interval '30 days'");
        await ledger.SeedAsync(2);
        var integrated = await ledger.Integrator().CatchUpAsync();
        var report = await ledger.Verifier().VerifyAsync();

        var flagged = Assert.Single(integrated.TimeAnomalies);
        Assert.Equal(forged, flagged.Sequence);
        Assert.Equal(forged - 1, flagged.PreviousSequence);
        Assert.False(report.IsIntact);
        var divergence = Assert.Single(report.Divergences);
        Assert.Equal(DivergenceKind.RecordedTimeGoesBack, divergence.Kind);
        Assert.Equal(forged, divergence.Sequence);
        Assert.Contains("30 days before the event before it", divergence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_integrator_compares_its_first_event_with_the_last_one_already_in_the_log()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(BackdatingTests));
        await ledger.SeedAsync(3);
        await ledger.Integrator().CatchUpAsync();

        var forged = await InsertAsAppAsync(ledger, "now() - interval '2 hours'");
        var integrated = await ledger.Integrator().CatchUpAsync();

        Assert.Equal(forged, Assert.Single(integrated.TimeAnomalies).Sequence);
    }

    [Fact]
    public async Task an_event_dated_in_the_future_is_flagged_as_such()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(BackdatingTests));
        await ledger.SeedAsync(3);

        var forged = await InsertAsAppAsync(ledger, "now() + interval '1 year'");
        var integrated = await ledger.Integrator().CatchUpAsync();
        var report = await ledger.Verifier().VerifyAsync();

        Assert.True(Assert.Single(integrated.TimeAnomalies).InFuture);
        Assert.Equal([(DivergenceKind.RecordedInFuture, (long?)forged)], report.Divergences.Select(d => (d.Kind, d.Sequence)));
    }

    [Fact]
    public async Task writers_clocks_a_few_seconds_apart_are_within_the_tolerance()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(BackdatingTests));
        await ledger.SeedAsync(3);

        await InsertAsAppAsync(ledger, "now() - interval '5 seconds'");
        var integrated = await ledger.Integrator().CatchUpAsync();
        var report = await ledger.Verifier().VerifyAsync();

        Assert.Empty(integrated.TimeAnomalies);
        Assert.True(report.IsIntact, string.Join("\n", report.Divergences));
    }

    [Fact]
    public async Task the_tolerance_can_be_tightened()
    {
        await using var ledger = await cluster.NewLedgerAsync(nameof(BackdatingTests));
        await ledger.SeedAsync(3);

        var forged = await InsertAsAppAsync(ledger, "now() - interval '5 seconds'");
        var integrated = await ledger.Integrator(new IntegratorOptions { ClockTolerance = TimeSpan.FromSeconds(1) }).CatchUpAsync();
        var report = await ledger.Verifier().VerifyAsync(new VerifyOptions { ClockTolerance = TimeSpan.FromSeconds(1) });

        Assert.Equal(forged, Assert.Single(integrated.TimeAnomalies).Sequence);
        Assert.Equal(forged, Assert.Single(report.Divergences).Sequence);
    }

    /// <summary>What the application role's rights allow: an INSERT into mt_events with a timestamp of its choosing.</summary>
    private static async Task<long> InsertAsAppAsync(TestLedger ledger, string timestamp)
    {
        await using var command = ledger.App.CreateCommand($$"""
            INSERT INTO {{ledger.Schema.Events}} (seq_id, id, stream_id, version, data, type, timestamp, headers, user_name)
            SELECT nextval('{{ledger.Schema.Name}}.mt_events_sequence'), gen_random_uuid(), stream_id, max(version) + 1,
                   '{"By": "PE", "To": "CN", "Clause": "cede the port"}', 'commitment_made.v1', {{timestamp}},
                   '{"classification": "SECRET"}', 'officer0'
            FROM {{ledger.Schema.Events}} WHERE stream_id = (SELECT stream_id FROM {{ledger.Schema.Events}} ORDER BY seq_id LIMIT 1)
            GROUP BY stream_id
            RETURNING seq_id
            """);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
