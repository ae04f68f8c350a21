using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Interactions;

/// <summary>Pure decisions on interaction streams: (state, command, ids, today) → <see cref="Decision"/>. The command's
/// shape was checked before (<see cref="InteractionDraft.Check"/>, <see cref="InteractionCorrections.Check"/>, the
/// commands' own checks); a decision checks what depends on the ledger's state.</summary>
public static class InteractionDecisions
{
    public static Decision Log(InteractionDraft draft, Guid interactionId, Func<Guid> nextId, DateOnly today, IReadOnlyDictionary<Guid, Pledge>? reaffirmable = null) =>
        Log(draft, interactionId, _ => nextId(), today, reaffirmable);

    /// <param name="nextId">The next id for a portion at a marking. Ids derived from a source come from one sequence per
    /// marking (<see cref="DeterministicIds.SequencesByMarking"/>), so the ids a reader can see skip no number that
    /// would count the portions they cannot.</param>
    /// <param name="reaffirmable">The pledges the draft's commitments reaffirm, as the actor can see them (a pledge they
    /// cannot see is not there); null where no pledge can be read (an import).</param>
    public static Decision Log(InteractionDraft draft, Guid interactionId, Func<Classification, Guid> nextId, DateOnly today, IReadOnlyDictionary<Guid, Pledge>? reaffirmable = null)
    {
        if (draft.Occurred.Date > today)
        {
            throw new LedgerRuleViolated("occurredOn", $"{draft.Occurred.Date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd})");
        }

        var parties = draft.Parties;
        var logged = new InteractionLogged(
            interactionId,
            draft.Kind,
            draft.Occurred,
            draft.Participants.Select(p => new Participant(p.Name.Trim(), (p.Title ?? "").Trim(), PartyCode.Clean(p.Country))).ToArray(),
            parties,
            RelationshipKey.AllPairs(parties),
            draft.Summary.Trim(),
            draft.Source,
            draft.Classification,
            draft.CameoCodes);
        var state = Interaction.Start(logged);
        var events = new List<object> { logged };
        events.AddRange(draft.Statements.Select(s => RecordStatement(state, s, nextId(AtLeast(s.Classification, state.Classification)))));
        var others = new List<OtherStream>();
        foreach (var (commitment, i) in draft.Commitments.Select((c, i) => (c, i)))
        {
            var marking = AtLeast(commitment.Classification, state.Classification);
            var (recorded, other) = commitment.Reaffirms is null
                ? MakeCommitment(state, commitment, nextId(marking), () => nextId(marking))
                : Reaffirm(state, commitment, $"commitments[{i}].reaffirms", reaffirmable);
            events.Add(recorded);
            others.Add(other);
        }

        events.AddRange(draft.FollowUps.Select(f => state.FollowUps.Schedule(interactionId, null, f, nextId(state.Classification), state.Relationships, state.Classification)));
        return new Decision(events, others, interactionId);
    }

    public static Decision AddStatement(Interaction state, StatementDraft draft, Guid statementId)
    {
        FieldErrors.Check(errors => StatementDraft.RequirePartyOf(errors, draft.Country, "country", state.Parties));
        RequireNotRetracted(state);
        return Decision.Of(RecordStatement(state, draft, statementId), statementId);
    }

    /// <param name="pledgeId">The id of the pledge the commitment starts, unless it reaffirms one already recorded.</param>
    /// <param name="reaffirmable">The pledge <see cref="CommitmentDraft.Reaffirms"/> names, if the actor can see it.</param>
    public static Decision AddCommitment(Interaction state, CommitmentDraft draft, Guid pledgeId, Func<Guid> nextId, IReadOnlyDictionary<Guid, Pledge>? reaffirmable = null)
    {
        FieldErrors.Check(errors =>
        {
            StatementDraft.RequirePartyOf(errors, draft.By, "by", state.Parties);
            if (draft.To is { } to)
            {
                StatementDraft.RequirePartyOf(errors, to, "to", state.Parties);
            }
        });
        RequireNotRetracted(state);
        var (recorded, other) = draft.Reaffirms is null
            ? MakeCommitment(state, draft, pledgeId, nextId)
            : Reaffirm(state, draft, "reaffirms", reaffirmable);
        return new Decision([recorded], [other], recorded.PledgeId);
    }

    public static Decision ScheduleFollowUp(Interaction state, FollowUpDraft draft, Guid followUpId)
    {
        RequireNotRetracted(state);
        return Decision.Of(state.FollowUps.Schedule(state.Id, null, draft, followUpId, state.Relationships, state.Classification), followUpId);
    }

    /// <summary>Corrects a field of the interaction, or of its statement <paramref name="statementId"/>; the field and
    /// value passed <see cref="InteractionCorrections.Check"/>.</summary>
    public static Decision Correct(Interaction state, Guid? statementId, string field, string now, string reason)
    {
        RequireNotRetracted(state);
        var name = InteractionCorrections.FieldName(field);
        var text = now.Trim();
        var was = statementId is { } id ? CurrentStatementValue(state, id, name) : CurrentInteractionValue(state, name);
        var stored = InteractionCorrections.Read(statementId, name, text).Kind?.ToString() ?? text;
        if (string.Equals(was, stored, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolated("now", $"the {name} is already '{stored}'; nothing to correct");
        }

        var classification = statementId is { } target ? state.Statements[target].Classification : state.Classification;
        return Decision.Of(new InteractionEntryCorrected(state.Id, statementId, name, was, stored, reason.Trim(), state.Relationships, classification));
    }

    public static Decision RetractStatement(Interaction state, Guid statementId, string reason)
    {
        RequireNotRetracted(state);
        var statement = FindStatement(state, statementId);
        if (statement.Retracted)
        {
            throw new LedgerRuleViolated("statementId", $"statement {statementId} is already retracted");
        }

        return Decision.Of(new StatementRetracted(state.Id, statementId, reason.Trim(), state.Relationships, statement.Classification));
    }

    public static Decision Retract(Interaction state, string reason)
    {
        RequireNotRetracted(state);
        return Decision.Of(new InteractionRetracted(state.Id, reason.Trim(), state.Relationships));
    }

    private static void RequireNotRetracted(Interaction state)
    {
        if (state.Retracted)
        {
            throw new LedgerRuleViolated("interactionId", $"interaction {state.Id} was retracted; it can no longer be changed");
        }
    }

    private static StatementRecorded RecordStatement(Interaction state, StatementDraft draft, Guid statementId) =>
        new(state.Id, statementId, draft.Speaker.Trim(), PartyCode.Clean(draft.Country), draft.Text.Trim(),
            draft.Topics.Select(t => t.Trim()).Where(t => t.Length > 0).ToArray(), AtLeast(draft.Classification, state.Classification), state.Relationships);

    private static (CommitmentRecorded, OtherStream) MakeCommitment(Interaction state, CommitmentDraft draft, Guid pledgeId, Func<Guid> nextId)
    {
        var (by, to, relationships) = Sides(state, draft);
        var classification = AtLeast(draft.Classification, state.Classification);
        var made = new PledgeMade(pledgeId, state.Id, by, to, draft.Kind, draft.Text.Trim(), (draft.Topic ?? "").Trim(),
            draft.Due, state.Occurred.Date, relationships, classification, draft.CameoCodes);
        var pledgeEvents = new List<object> { made };
        pledgeEvents.AddRange(draft.FollowUps.Select(f => FollowUpBook.Empty.Schedule(pledgeId, pledgeId, f, nextId(), relationships, classification)));
        return (new CommitmentRecorded(state.Id, pledgeId, by, to, made.Text, classification), new OtherStream(pledgeId, Starts: true, classification, pledgeEvents));
    }

    /// <summary>The commitment restates pledge <see cref="CommitmentDraft.Reaffirms"/>: the interaction records it under
    /// that pledge's id, and the pledge stream gets <see cref="PledgeReaffirmed"/>. A pledge the actor cannot see reads
    /// exactly as one that does not exist.</summary>
    private static (CommitmentRecorded, OtherStream) Reaffirm(Interaction state, CommitmentDraft draft, string field, IReadOnlyDictionary<Guid, Pledge>? reaffirmable)
    {
        var pledgeId = draft.Reaffirms!.Value;
        if (reaffirmable is null)
        {
            throw new LedgerRuleViolated(field, "an import records new interactions only; link a reaffirmation with log --file or commitment add");
        }

        var pledge = reaffirmable.TryGetValue(pledgeId, out var found)
            ? found
            : throw new CommandRejected([new FieldError(field, $"no pledge {pledgeId} was found")]);
        if (pledge.Status == PledgeStatus.Retracted)
        {
            throw new LedgerRuleViolated(field, $"pledge {pledgeId} was retracted; it cannot be reaffirmed");
        }

        var (by, to, relationships) = Sides(state, draft);
        if (!relationships.Intersect(pledge.Relationships, StringComparer.Ordinal).Any())
        {
            throw new LedgerRuleViolated(field,
                $"pledge {pledgeId} belongs to {string.Join(", ", pledge.Relationships)}; a commitment by {by}{Wording.To(to)} here belongs to {string.Join(", ", relationships)}");
        }

        var marking = AtLeast(AtLeast(draft.Classification, state.Classification), pledge.Classification);
        var text = draft.Text.Trim();
        var reaffirmed = new PledgeReaffirmed(pledgeId, state.Id, by, to, text, state.Occurred.Date, pledge.Relationships, marking);
        return (new CommitmentRecorded(state.Id, pledgeId, by, to, text, marking), new OtherStream(pledgeId, Starts: false, marking, [reaffirmed]));
    }

    /// <summary>Who commits, to whom, and the pairs that counts towards: the pair of both, or every pair of the
    /// committing party in this interaction for a general commitment.</summary>
    private static (string By, string? To, string[] Relationships) Sides(Interaction state, CommitmentDraft draft)
    {
        var by = PartyCode.Clean(draft.By);
        var to = draft.To is null ? null : PartyCode.Clean(draft.To);
        string[] relationships = to is null
            ? [.. state.Relationships.Where(r => r.Split('-').Contains(by))]
            : [RelationshipKey.Of(by, to)];
        return (by, to, relationships);
    }

    /// <summary>A portion is never marked below the interaction it belongs to: the existence of a classified
    /// meeting is itself classified, so everything recorded in it is at least as classified.</summary>
    private static Classification AtLeast(Classification? portion, Classification whole) =>
        portion is { } own && own > whole ? own : whole;

    private static StatementState FindStatement(Interaction state, Guid statementId) =>
        state.Statements.TryGetValue(statementId, out var statement)
            ? statement
            : throw new EntryNotFound("statement", statementId);

    private static string CurrentStatementValue(Interaction state, Guid statementId, string field)
    {
        var statement = FindStatement(state, statementId);
        if (statement.Retracted)
        {
            throw new LedgerRuleViolated("statementId", $"statement {statementId} is retracted; it can no longer be corrected");
        }

        return field switch
        {
            InteractionFields.Text => statement.Text,
            InteractionFields.Speaker => statement.Speaker,
            InteractionFields.Topics => statement.Topics,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a field of a statement"),
        };
    }

    private static string CurrentInteractionValue(Interaction state, string field) => field switch
    {
        InteractionFields.Summary => state.Summary,
        InteractionFields.Kind => state.Kind.ToString(),
        InteractionFields.OccurredOn => DateText.Write(state.Occurred.Date),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a field of an interaction"),
    };
}
