using System.Security.Cryptography;
using System.Text;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Ingest.Commitments;

namespace CommsLedger.Ingest.Drafting;

/// <summary>What committing a readout will record, and what had to be left out of the draft to make it recordable.</summary>
public sealed record CommitPlan(InteractionDraft Draft, IReadOnlyList<string> LeftOut);

/// <summary>
/// Turns a reviewed readout draft into the ledger's own <see cref="InteractionDraft"/>, recorded through the normal
/// command so validation, users and classification apply. The source is the file name and the SHA-256 of the text,
/// whose hash is also the source id: committing the same text twice is refused as a duplicate.
/// </summary>
public static class InteractionDrafts
{
    public static CommitPlan From(ReadoutDraft readout, string text, string fileName, Classification classification, string owner)
    {
        var errors = new FieldErrors();
        var occurred = readout.DateOfInteraction ?? readout.PublicationDate;
        errors.Require(occurred is not null, "date_of_interaction", "could not be read from the text; add a first line 'date YYYY-MM-DD'");
        for (var i = 0; i < readout.Participants.Count; i++)
        {
            errors.Require(readout.Participants[i].Country is not null, $"participants[{i}].country",
                $"the country of {readout.Participants[i].Name} could not be read from the text");
        }

        errors.ThrowIfAny();
        var date = occurred!.Value;
        var parties = readout.Participants.Select(p => p.Country!).ToHashSet(StringComparer.Ordinal);
        var leftOut = new List<string>();
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var draft = new InteractionDraft(
            Kind(readout.Channel),
            new OccurredAt(date),
            [.. readout.Participants.Select(p => new Participant(p.Name, p.Title ?? "", p.Country!))],
            Summary(readout),
            new SourceReference("readout-sha256:" + sha, fileName, sha),
            classification,
            [readout.Cameo],
            Statements(readout, parties, leftOut),
            Commitments(readout, parties, leftOut),
            [.. readout.FollowUps.Select(f => new FollowUpDraft(f.What, owner, f.When ?? date.AddDays(30)))]);
        return new CommitPlan(draft, leftOut);
    }

    private static InteractionKind Kind(string channel) => channel switch
    {
        Channels.Phone => InteractionKind.PhoneCall,
        Channels.Video => InteractionKind.VideoCall,
        Channels.Visit => InteractionKind.Visit,
        Channels.Letter => InteractionKind.Letter,
        Channels.JointStatement => InteractionKind.JointStatement,
        _ => InteractionKind.Meeting,
    };

    private static string Summary(ReadoutDraft readout) =>
        $"{readout.Channel} between {string.Join(" and ", readout.Participants.Select(p => $"{p.Name} ({p.Country})"))}"
        + (readout.Topics.Count > 0 ? $": {string.Join(", ", readout.Topics)}" : "")
        + " (drafted from a readout)";

    private static StatementDraft[] Statements(ReadoutDraft readout, HashSet<string> parties, List<string> leftOut)
    {
        var statements = new List<StatementDraft>();
        foreach (var s in readout.Statements)
        {
            var country = s.SpeakerCountry ?? s.SpeakerCountries.FirstOrDefault(parties.Contains);
            if (country is null || !parties.Contains(country))
            {
                leftOut.Add($"statement by {s.Speaker}: no participating country ({s.Text})");
                continue;
            }

            statements.Add(new StatementDraft(s.Speaker, country, s.Text, s.Topics));
        }

        return [.. statements];
    }

    /// <summary>
    /// The ledger's pledges have one party each, so a joint commitment ("GB+IT") becomes one pledge per party, each to
    /// the other when the two of them made it together, else general.
    /// </summary>
    private static CommitmentDraft[] Commitments(ReadoutDraft readout, HashSet<string> parties, List<string> leftOut)
    {
        var commitments = new List<CommitmentDraft>();
        foreach (var c in readout.Commitments)
        {
            var joint = JointParties.Split(c.By);
            foreach (var by in joint)
            {
                if (!parties.Contains(by))
                {
                    leftOut.Add($"commitment by {by}, not a participant: {c.Text}");
                    continue;
                }

                var recipient = joint.Count == 2 ? joint.First(p => p != by) : c.To;
                var to = recipient is not null && parties.Contains(recipient) && recipient != by ? recipient : null;
                if (recipient is not null && to is null)
                {
                    leftOut.Add($"recipient {recipient} of \"{c.Text}\" is not a participant; recorded as a general commitment");
                }

                var kind = Enum.TryParse<CommitmentKind>(c.Kind, ignoreCase: true, out var parsed) ? parsed : CommitmentKind.Intent;
                commitments.Add(new CommitmentDraft(by, to, kind, c.Text, c.Topic ?? "", c.Due, [], [c.Cameo]));
            }
        }

        return [.. commitments];
    }
}
