using CommsLedger.Domain.Pledges;
using CommsLedger.Projections.Pledges;

namespace CommsLedger.Application.Reports.Scorecard;

/// <summary>Compliance on the G7 Research Group scale over a set of pledges: each assessed pledge counts with its
/// latest score (+1 full, 0 partial, −1 none); <see cref="Average"/> is their mean and <see cref="Percent"/>
/// (average + 1) / 2 × 100. Retracted pledges were recorded in error and do not count at all.</summary>
public sealed record ComplianceScore(int Pledges, int Assessed, int Unassessed, decimal? Average, decimal? Percent)
{
    public static ComplianceScore Of(IEnumerable<PledgeRegister> pledges)
    {
        var counted = pledges.Where(p => p.Status != PledgeStatus.Retracted).ToArray();
        var scores = counted.Select(LatestScore).OfType<int>().ToArray();
        if (scores.Length == 0)
        {
            return new ComplianceScore(counted.Length, 0, counted.Length, null, null);
        }

        var average = (decimal)scores.Sum() / scores.Length;
        return new ComplianceScore(counted.Length, scores.Length, counted.Length - scores.Length,
            decimal.Round(average, 2, MidpointRounding.AwayFromZero),
            decimal.Round((average + 1) / 2 * 100, 1, MidpointRounding.AwayFromZero));
    }

    /// <summary>The score of the pledge's latest assessment (by assessment date, then by when it was recorded).</summary>
    public static int? LatestScore(PledgeRegister pledge) =>
        pledge.Assessments.OrderBy(a => a.AssessedOn).ThenBy(a => a.RecordedAt).LastOrDefault()?.Score;
}
