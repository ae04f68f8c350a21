namespace CommsLedger.Domain.Shared;

/// <summary>
/// What a decision appends, all in one transaction: <paramref name="Events"/> on the stream it decided on, and
/// <paramref name="Others"/> on other streams (a commitment's new pledge, a pledge it reaffirms).
/// <paramref name="EntryId"/> names the entry the decision created or acted on (a statement, a pledge, a follow-up,
/// an assessment), for the caller to report.
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, IReadOnlyList<OtherStream> Others, Guid? EntryId = null)
{
    public static Decision Of(object @event, Guid? entryId = null) => new([@event], [], entryId);

    /// <summary>Every event the decision appends, on every stream.</summary>
    public IEnumerable<object> AllEvents => Events.Concat(Others.SelectMany(o => o.Events));
}

/// <summary>Events a decision appends to a stream other than its own: one it starts (<paramref name="Starts"/>), or one
/// already recorded that the caller read and locked before deciding. <paramref name="Marking"/> is the stream's: no
/// event is marked below it.</summary>
public sealed record OtherStream(Guid StreamId, bool Starts, Classification Marking, IReadOnlyList<object> Events);
