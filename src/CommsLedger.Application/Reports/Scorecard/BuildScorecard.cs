using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using Marten;
using Mediator;

namespace CommsLedger.Application.Reports.Scorecard;

/// <summary>Compliance of every pledge the reader may see, on the G7 Research Group scale: overall, per party (the
/// pledge's maker), per relationship and per topic.</summary>
public sealed record BuildScorecard(ReportAt? At = null, IProgress<ReportProgress>? Progress = null) : IQuery<ScorecardReport>;

public sealed record ScorecardReport(
    ReportHeader Header,
    Classification Banner,
    ScoreLine Overall,
    IReadOnlyList<ScoreLine> Parties,
    IReadOnlyList<ScoreLine> Relationships,
    IReadOnlyList<ScoreLine> Topics) : IReport;

/// <summary>One row of the scorecard. Its marking is the highest of the pledges it counts: a count is as
/// sensitive as what it counts.</summary>
public sealed record ScoreLine(string Name, ComplianceScore Score, Classification Marking);

public sealed class BuildScorecardHandler(IDocumentStore store, Actor actor) : IQueryHandler<BuildScorecard, ScorecardReport>
{
    public const string NoTopic = "(no topic)";

    /// <summary>What a score depends on: the pledge, its outcomes, assessments, corrections and retraction (not its
    /// progress notes, reaffirmations or follow-ups).</summary>
    private static readonly Type[] ScoredEvents =
    [
        typeof(PledgeMade), typeof(ComplianceAssessed), typeof(PledgeCorrected), typeof(PledgeRetracted),
        .. EventCatalogue.Of<IPledgeOutcome>(),
    ];

    public async ValueTask<ScorecardReport> Handle(BuildScorecard query, CancellationToken cancellationToken)
    {
        var at = query.At ?? ReportAt.Now;
        FieldErrors.Check(at.Check);
        var replayed = new Replayed();
        var position = await LedgerSlice.Fold(store, new SliceFilter(null, ScoredEvents), at, actor.Clearance, replayed.Pledge, query.Progress, cancellationToken);
        var pledges = replayed.Pledges
            .Where(p => actor.Clearance.Sees(p.Classification) && p.Status != PledgeStatus.Retracted)
            .ToArray();
        var header = new ReportHeader("scorecard", "Compliance scorecard (G7 Research Group scale)", [new("pledges", "every pledge the reader may see")], actor.Clearance, position);
        return new ScorecardReport(
            header,
            Markings.Highest(pledges.Select(p => p.Classification)),
            Line("all parties", pledges),
            Lines(pledges.Select(p => (p.By, p))),
            Lines(pledges.SelectMany(p => p.Relationships.Select(r => (r, p)))),
            Lines(pledges.Select(p => (p.Topic.Length == 0 ? NoTopic : p.Topic, p))));
    }

    private static IReadOnlyList<ScoreLine> Lines(IEnumerable<(string Name, PledgeRegister Pledge)> grouped) =>
        [.. grouped.GroupBy(g => g.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Line(g.Key, g.Select(x => x.Pledge)))];

    private static ScoreLine Line(string name, IEnumerable<PledgeRegister> pledges)
    {
        var counted = pledges.ToArray();
        return new ScoreLine(name, ComplianceScore.Of(counted), Markings.Highest(counted.Select(p => p.Classification)));
    }
}
