using System.Globalization;
using CommsLedger.Application.Clearance;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;

namespace CommsLedger.Application.Reports.Activity;

/// <summary>Which groups and months an activity report covers, checked.</summary>
internal sealed record ActivityScope(ActivityGrouping By, string? Relationship, string? Party, DateOnly? From, DateOnly? To)
{
    public static ActivityScope Check(BuildActivity query)
    {
        var errors = new FieldErrors();
        string? relationship = null, party = null;
        if (query.Relationship is not null)
        {
            relationship = RelationshipKey.Parse(query.Relationship, out var problem);
            errors.Require(relationship is not null, "relationship", problem ?? "");
        }

        if (query.Party is not null)
        {
            party = PartyCode.Normalise(query.Party, out var problem);
            errors.Require(party is not null, "party", problem ?? "");
        }

        errors.Require(relationship is null || party is null, "party", "give a relationship or a party, not both");
        errors.Require(query.From is null || query.To is null || query.From <= query.To, "to", $"{query.To:yyyy-MM} is before from ({query.From:yyyy-MM})");
        (query.At ?? ReportAt.Now).Check(errors);
        errors.ThrowIfAny();
        return new ActivityScope(query.By, relationship, party, FirstOfMonth(query.From), FirstOfMonth(query.To));
    }

    /// <summary>The groups an interaction of relationship <paramref name="key"/> counts in.</summary>
    public IEnumerable<string> GroupsOf(string key)
    {
        var parties = key.Split('-');
        if (By == ActivityGrouping.Relationship)
        {
            return (Relationship is null || key == Relationship) && (Party is null || parties.Contains(Party)) ? [key] : [];
        }

        return Relationship is null || key == Relationship ? parties.Where(p => Party is null || p == Party) : [];
    }

    /// <summary>The groups a pledge counts in: its relationships, or its maker.</summary>
    public IEnumerable<string> GroupsOf(PledgeRegister pledge) => By == ActivityGrouping.Relationship
        ? pledge.Relationships.Where(key => GroupsOf(key).Any())
        : (Relationship is null || pledge.Relationships.Contains(Relationship)) && (Party is null || pledge.By == Party) ? [pledge.By] : [];

    public bool Covers(DateOnly firstOfMonth) => (From is null || firstOfMonth >= From) && (To is null || firstOfMonth <= To);

    public List<ReportParameter> Parameters()
    {
        List<ReportParameter> parameters = [new("per", BuildActivityHandler.Name(By))];
        Add(parameters, "relationship", Relationship);
        Add(parameters, "party", Party);
        Add(parameters, "from", From is { } from ? ActivityCount.MonthName(from) : null);
        Add(parameters, "to", To is { } to ? ActivityCount.MonthName(to) : null);
        return parameters;
    }

    private static void Add(List<ReportParameter> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(new(name, value));
        }
    }

    private static DateOnly? FirstOfMonth(DateOnly? day) => day is { } d ? new DateOnly(d.Year, d.Month, 1) : null;
}
