using System.ComponentModel;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Storage;
using CommsLedger.Integrity.Timing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Integrity;

public sealed class IntegrateSettings : ResultSettings
{
    [CommandOption("--key <FILE>")]
    [Description("The ledger's private key. Default: $COMMSLEDGER_LEDGER_KEY, else ~/.config/commsledger/ledger-key.pem, generated there on first use.")]
    public string? Key { get; init; }

    [CommandOption("--follow")]
    [Description("Keep running as the background integrator (until Ctrl+C), signing a checkpoint every N events or T seconds.")]
    public bool Follow { get; init; }

    [CommandOption("--checkpoint-every-events <N>")]
    [Description("With --follow: sign after this many new events (default 1000).")]
    [DefaultValue(1000)]
    public int CheckpointEveryEvents { get; init; } = 1000;

    [CommandOption("--checkpoint-every-seconds <T>")]
    [Description("With --follow: sign at least this often while events arrive (default 60).")]
    [DefaultValue(60)]
    public int CheckpointEverySeconds { get; init; } = 60;

    [CommandOption("--clock-tolerance <SECONDS>")]
    [Description("How far an event's recorded time may go back from the event before it (or ahead of now) before it is reported as backdated (default 30).")]
    public int? ClockToleranceSeconds { get; init; }
}

/// <param name="EventsIntegrated">Leaves this run added.</param>
/// <param name="WaitingForSequence">A hole in the sequence the log waits on (an append in flight, or a failed one).</param>
/// <param name="Busy">Another integrator held the lock; it integrates these events instead.</param>
/// <param name="SignedNow">Whether <paramref name="Checkpoint"/> was signed by this run rather than found.</param>
/// <param name="TimeAnomalies">Events integrated whose recorded time goes back from the event before them, or lies ahead.</param>
public sealed record IntegrationView(
    long EventsIntegrated, long TreeSize, long LastSequence, long? WaitingForSequence, bool Busy, bool SignedNow, string KeyId, CheckpointView? Checkpoint,
    IReadOnlyList<TimeAnomaly> TimeAnomalies);

/// <summary>Catches the Merkle log up with the event table and signs a checkpoint over it now. Idempotent, and safe
/// beside a running integrator: scheduled jobs run it, and reviewers run it before exporting a checkpoint.</summary>
public sealed class IntegrateCommand(IAnsiConsole console) : AsyncCommand<IntegrateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, IntegrateSettings settings, CancellationToken cancellationToken)
    {
        using var key = SigningKey.OpenOrCreate(settings.Key, console);
        await using var database = await LogDatabase.OpenAsync(cancellationToken);
        if (!await database.HasEventsAsync(cancellationToken))
        {
            console.MarkupLine("The ledger has no events yet: nothing to integrate.");
            return ExitCodes.Ok;
        }

        await database.EnsureLogTablesAsync(cancellationToken);
        if (settings.Follow)
        {
            return await FollowAsync(database, key, settings, cancellationToken);
        }

        var view = await IntegrateAsync(database, key, ClockTolerance.From(settings.ClockToleranceSeconds), cancellationToken);
        if (settings.Format == OutputFormat.Json)
        {
            Output.WriteJson(view);
        }
        else
        {
            Describe(view);
        }

        return ExitCodes.Ok;
    }

    private async Task<int> FollowAsync(LogDatabase database, LedgerKey key, IntegrateSettings settings, CancellationToken cancellationToken)
    {
        if (settings.CheckpointEveryEvents < 1 || settings.CheckpointEverySeconds < 1)
        {
            throw new CommandRejected([new FieldError("--checkpoint-every-events / --checkpoint-every-seconds", "must be at least 1")]);
        }

        RefuseAnotherKey(await StoredCheckpoints.LatestAsync(database.DataSource, LogDatabase.Schema, cancellationToken), key);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var options = new IntegratorOptions
        {
            Schema = LogDatabase.Schema,
            CheckpointEveryEvents = settings.CheckpointEveryEvents,
            CheckpointEvery = TimeSpan.FromSeconds(settings.CheckpointEverySeconds),
            ClockTolerance = ClockTolerance.From(settings.ClockToleranceSeconds),
        };
        console.MarkupLineInterpolated($"Integrating continuously with key {key.KeyId}; a checkpoint every {settings.CheckpointEveryEvents} events or {settings.CheckpointEverySeconds} s. Ctrl+C stops.");
        try
        {
            await new MerkleIntegrator(database.DataSource, key, options).RunAsync(
                e => console.MarkupLineInterpolated($"[yellow]storage error, retrying:[/] {e.Message}"),
                anomaly => console.MarkupLineInterpolated($"[red]Recorded time out of order:[/] {anomaly.Message}"),
                stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            console.MarkupLine("Stopped.");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The integrator refuses to sign over a log whose latest checkpoint its key did not sign; saying which
    /// keys differ is clearer than its "the stored leaves no longer give the root".</summary>
    private static void RefuseAnotherKey(Checkpoint? latest, LedgerKey key)
    {
        if (latest is not null && latest.KeyId != key.KeyId)
        {
            throw new LedgerRuleViolated("--key", $"the ledger's latest checkpoint was signed by key {latest.KeyId}, this key is {key.KeyId}: integrate with the ledger's own key");
        }
    }

    /// <summary>Catches the log up and signs a checkpoint over it (also run by <c>demo</c>, so a first ledger verifies).</summary>
    internal static async Task<IntegrationView> IntegrateAsync(LogDatabase database, LedgerKey key, TimeSpan clockTolerance, CancellationToken ct)
    {
        var before = await StoredCheckpoints.LatestAsync(database.DataSource, LogDatabase.Schema, ct);
        RefuseAnotherKey(before, key);
        var options = new IntegratorOptions { Schema = LogDatabase.Schema, ClockTolerance = clockTolerance };
        var integrator = new MerkleIntegrator(database.DataSource, key, options);
        long added = 0;
        var anomalies = new List<TimeAnomaly>();
        IntegrationResult round;
        do
        {
            round = await integrator.IntegrateOnceAsync(ct);
            added += round.LeavesAdded;
            anomalies.AddRange(round.TimeAnomalies);
        }
        while (round.LeavesAdded > 0 && !round.Busy);

        var checkpoint = await integrator.CheckpointNowAsync(ct);
        var signedNow = checkpoint is not null && checkpoint.TreeSize != before?.TreeSize;
        return new IntegrationView(
            added, round.Busy ? checkpoint?.TreeSize ?? 0 : round.TreeSize, round.LastSequence, round.WaitingForSequence, round.Busy, signedNow, key.KeyId, CheckpointView.From(checkpoint), anomalies);
    }

    private void Describe(IntegrationView view)
    {
        if (view.Busy)
        {
            console.MarkupLine("Another integrator is running a round right now; it integrates these events.");
        }
        else
        {
            console.MarkupLineInterpolated($"Integrated {view.EventsIntegrated} new events: the log holds {view.TreeSize} leaves (up to sequence {view.LastSequence}).");
        }

        foreach (var anomaly in view.TimeAnomalies)
        {
            console.MarkupLineInterpolated($"[red]Recorded time out of order:[/] {anomaly.Message}");
        }

        if (view.WaitingForSequence is { } waiting)
        {
            console.MarkupLineInterpolated($"[yellow]Waiting for sequence {waiting}[/]: an append still in flight, or a failed one that is skipped a few seconds after its transaction ends. Run integrate again shortly.");
        }

        if (view.Checkpoint is not { } checkpoint)
        {
            console.MarkupLine("No checkpoint signed: the log is empty.");
            return;
        }

        var how = view.SignedNow ? "Signed checkpoint" : "The latest checkpoint already covers the log";
        console.MarkupLineInterpolated($"{how}: tree size {checkpoint.TreeSize}, root {checkpoint.RootHash}, key id {checkpoint.KeyId}, {checkpoint.Time:yyyy-MM-dd HH:mm:ss}Z.");
    }
}
