using System.ComponentModel.DataAnnotations;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Http;
using CommsLedger.Application.History.Reading;
using CommsLedger.Application.History.Replaying;
using Mediator;

namespace CommsLedger.Api.History;

/// <summary>Whether the read models equal a replay of the log. The counts and differences cover every classification,
/// so the replay itself refuses a reviewer below TOP SECRET.</summary>
public sealed record ReplayCheck(bool Consistent, long Events, IReadOnlyDictionary<string, int> Documents, IReadOnlyList<string> Differences);

public static class HistoryEndpoints
{
    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/relationships/{key}/history", Get).WithTags("History").RequireAuthorization(Policies.Read)
            .WithSummary("Every event that touched a relationship, in order, with who recorded it, when, under which correlation id, and what it replaced");
        app.MapGet("/replay/check", Check).WithTags("History").RequireAuthorization(Policies.Review)
            .WithSummary("Rebuild every read model in memory from event zero and compare with the live ones (nothing is written)");
        return app;
    }

    private static async Task<IReadOnlyList<HistoryEntry>> Get(string key, string? asKnownAt, [DataType(DataType.Date)] string? asOccurredBy, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetHistory(key, QueryText.AsOf(asKnownAt, asOccurredBy)), cancellationToken);

    private static async Task<ReplayCheck> Check(IMediator mediator, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new ReplayProjections(CheckOnly: true), cancellationToken);
        return new ReplayCheck(report.Differences.Count == 0, report.Events, report.Documents, report.Differences);
    }
}
