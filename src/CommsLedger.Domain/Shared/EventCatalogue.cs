using CommsLedger.Domain.Access;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;

namespace CommsLedger.Domain.Shared;

/// <summary>
/// Every event of the ledger, found once by reflection: the concrete records of the stream vocabularies
/// (<see cref="IInteractionEvent"/>, <see cref="IPledgeEvent"/>, <see cref="IAccessEvent"/>). What the rest of the system needs to know about an
/// event is declared on its record (<see cref="StoredAsAttribute"/>, <see cref="IRelationshipEvent"/>,
/// <see cref="IDatedEvent"/>, <see cref="IDescribedEvent"/>); this is the one place that reads those declarations,
/// so adding an event edits no list.
/// </summary>
public static class EventCatalogue
{
    /// <summary>Every event type, in stored-name order.</summary>
    public static IReadOnlyList<Type> Types { get; } =
        [.. typeof(EventCatalogue).Assembly.GetTypes().Where(IsEvent).OrderBy(t => StoredNameOrNull(t) ?? t.Name, StringComparer.Ordinal)];

    private static readonly Lazy<IReadOnlyDictionary<Type, string>> _storedNames = new(() =>
        Problems(Types) is { Count: > 0 } problems
            ? throw new InvalidOperationException("The ledger's events are not all declared: " + string.Join("; ", problems))
            : Types.ToDictionary(t => t, t => StoredNameOrNull(t)!));

    /// <summary>The stored name of every event type. Throws, naming each problem, when an event misses a declaration
    /// or two share a name: the store must never fall back on a name derived from a CLR type.</summary>
    public static IReadOnlyDictionary<Type, string> StoredNames => _storedNames.Value;

    /// <summary>The events a stream type's vocabulary holds (follow-up events belong to both).</summary>
    public static IEnumerable<Type> Of<TVocabulary>() => Types.Where(typeof(TVocabulary).IsAssignableFrom);

    public static string StoredNameOf(Type type) =>
        StoredNames.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"{type.Name} is not a ledger event: it belongs to no stream's vocabulary (IInteractionEvent, IPledgeEvent, IAccessEvent)");

    /// <summary>The classification an event carries, for the header written beside it (UNCLASSIFIED when it has none of its own).</summary>
    public static Classification ClassificationOf(object @event) =>
        @event is IClassifiedEvent classified ? classified.Classification : Classification.Unclassified;

    /// <summary>What each of <paramref name="types"/> fails to declare, and every stored name declared twice, one line
    /// each naming the event.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<Type> types)
    {
        var list = types.ToArray();
        var missing = list.SelectMany(t => Missing(t).Select(what => $"{t.Name} declares no {what}"));
        var duplicates = list.Where(t => StoredNameOrNull(t) is not null).GroupBy(t => StoredNameOrNull(t)!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' is the stored name of {string.Join(" and ", g.Select(t => t.Name))}");
        return [.. missing, .. duplicates];
    }

    private static IEnumerable<string> Missing(Type type)
    {
        if (string.IsNullOrWhiteSpace(StoredNameOrNull(type)))
        {
            yield return "stored name ([StoredAs(\"name.v1\")])";
        }

        if (!typeof(IRelationshipEvent).IsAssignableFrom(type))
        {
            yield return "relationships (IRelationshipEvent)";
        }

        if (!typeof(IDatedEvent).IsAssignableFrom(type))
        {
            yield return "occurred date (IDatedEvent)";
        }

        if (!typeof(IDescribedEvent).IsAssignableFrom(type))
        {
            yield return "history wording (IDescribedEvent)";
        }
    }

    private static bool IsEvent(Type type) =>
        type is { IsClass: true, IsAbstract: false }
        && (typeof(IInteractionEvent).IsAssignableFrom(type) || typeof(IPledgeEvent).IsAssignableFrom(type) || typeof(IAccessEvent).IsAssignableFrom(type));

    private static string? StoredNameOrNull(Type type) =>
        ((StoredAsAttribute?)Attribute.GetCustomAttribute(type, typeof(StoredAsAttribute), inherit: false))?.Name;
}
