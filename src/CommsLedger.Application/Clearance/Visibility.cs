using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using JasperFx.Events;

namespace CommsLedger.Application.Clearance;

/// <summary>
/// What a reader may see. Items above their clearance are removed before anything is counted, so neither a
/// list nor a count reveals that they exist; asked for by id, they are "not found", never "forbidden".
/// </summary>
public static class Visibility
{
    public static bool Sees(this Classification clearance, Classification marking) => marking <= clearance;

    /// <summary>The markings a clearance admits, for database queries: enums are stored as their names, which
    /// do not sort in clearance order, so "at most" must be "one of".</summary>
    public static Classification[] VisibleMarkings(this Classification clearance) =>
        [.. Enum.GetValues<Classification>().Where(marking => marking <= clearance)];

    /// <summary>An event's marking, from the header every append writes (see StreamWriter). An event without one
    /// is treated as the highest marking rather than shown by mistake.</summary>
    public static Classification MarkingOf(IEvent e) =>
        e.Headers is { } headers && headers.TryGetValue(LedgerStore.ClassificationHeader, out var value)
            && ClassificationNames.TryParse(value?.ToString(), out var marking)
            ? marking
            : Classification.TopSecret;

    public static IEnumerable<IEvent> Within(this IEnumerable<IEvent> events, Classification clearance) =>
        events.Where(e => clearance.Sees(MarkingOf(e)));

    /// <summary>The register without the reaffirmations above clearance; null when the pledge itself is.</summary>
    public static PledgeRegister? Within(this PledgeRegister register, Classification clearance)
    {
        if (!clearance.Sees(register.Classification))
        {
            return null;
        }

        register.Reaffirmations = [.. register.Reaffirmations.Where(r => clearance.Sees(r.Classification))];
        return register;
    }

    /// <summary>The record without the portions above clearance; null when the interaction itself is.</summary>
    public static InteractionRecord? Within(this InteractionRecord record, Classification clearance)
    {
        if (!clearance.Sees(record.Classification))
        {
            return null;
        }

        record.Statements = [.. record.Statements.Where(s => clearance.Sees(s.Classification))];
        record.Commitments = [.. record.Commitments.Where(c => clearance.Sees(c.Classification))];
        record.Corrections = [.. record.Corrections.Where(c => clearance.Sees(c.Classification))];
        return record;
    }
}
