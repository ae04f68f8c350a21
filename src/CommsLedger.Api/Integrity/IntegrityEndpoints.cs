using CommsLedger.Api.Auth;
using CommsLedger.Api.Problems;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Verifying;

namespace CommsLedger.Api.Integrity;

/// <summary>The first place the stored ledger disagrees with its log or a signed checkpoint.</summary>
public sealed record DivergenceSummary(DivergenceKind Kind, string Message, long? Sequence, IReadOnlyList<string> Fields);

/// <summary><c>commsledger verify --key</c> over HTTP (README "How to prove the ledger is intact", step 3).</summary>
public sealed record IntegrityReport(
    bool Intact,
    long EventsRead,
    long TreeSize,
    string RootHash,
    long PendingEvents,
    long UnsignedLeaves,
    int CheckpointsVerified,
    string KeyId,
    int Divergences,
    DivergenceSummary? FirstDivergence);

public static class IntegrityEndpoints
{
    /// <summary>The PEM file of the ledger's public key the reviewer trusts (<c>commsledger key export-public</c>).</summary>
    public const string PublicKeyPathSetting = "Integrity:PublicKeyPath";

    public static IServiceCollection AddLedgerLog(this IServiceCollection services, string connectionString) =>
        services.AddSingleton(_ => new LedgerLog(connectionString));

    public static IEndpointRouteBuilder MapIntegrity(this IEndpointRouteBuilder app)
    {
        app.MapGet("/integrity/verify", Verify).WithTags("Integrity").RequireAuthorization(Policies.Review)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Recompute every leaf and root from the stored events and check them against the log and every signed checkpoint "
                + $"with the trusted public key ({PublicKeyPathSetting}); nothing is written");
        return app;
    }

    private static async Task<IntegrityReport> Verify(Actor actor, IConfiguration configuration, LedgerLog log, CancellationToken cancellationToken)
    {
        // As for replay: the check reads every event's envelope, whatever its classification.
        ClearanceTooLow.Require(actor.Clearance, Classification.TopSecret, "verifying (it reads every event)");
        return await RunAsync(configuration, log, null, cancellationToken);
    }

    /// <summary>The check itself, for the API and the web application's review page (which shows its progress).
    /// Whoever calls it has checked that the actor is a TOP SECRET reviewer.</summary>
    public static async Task<IntegrityReport> RunAsync(IConfiguration configuration, LedgerLog log, IProgress<VerifyProgress>? progress, CancellationToken cancellationToken)
    {
        var path = configuration[PublicKeyPathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new RequestRefused(StatusCodes.Status503ServiceUnavailable, "Integrity verification is not set up",
                $"no trusted ledger public key configured ({PublicKeyPathSetting})");
        }

        using var trustedKey = LoadKey(path);
        if (!await log.ExistsAsync(cancellationToken))
        {
            throw new LedgerRuleViolated("log", "the ledger has no Merkle log yet: run commsledger integrate first");
        }

        var report = await new LedgerVerifier(log.DataSource, LedgerLog.Schema, trustedKey).VerifyAsync(progress: progress, ct: cancellationToken);
        var first = report.FirstDivergence;
        return new IntegrityReport(
            report.IsIntact,
            report.EventsRead,
            report.TreeSize,
            report.RootHash.ToString(),
            report.PendingEvents,
            report.UnsignedLeaves,
            report.CheckpointsVerified,
            trustedKey.KeyId,
            report.Divergences.Count,
            first is null ? null : new DivergenceSummary(first.Kind, first.Message, first.Sequence, first.Fields));
    }

    private static LedgerPublicKey LoadKey(string path)
    {
        try
        {
            return LedgerPublicKey.FromPem(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new RequestRefused(StatusCodes.Status503ServiceUnavailable, "Integrity verification is not set up",
                $"the trusted ledger public key ({PublicKeyPathSetting} = {path}) cannot be read: {e.Message}");
        }
    }
}
