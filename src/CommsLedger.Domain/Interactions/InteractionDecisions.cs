using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Interactions;

/// <summary>A new pledge stream to start in the same transaction as the interaction's events.</summary>
public sealed record NewPledgeStream(Guid PledgeId, IReadOnlyList<object> Events);

/// <summary>What logging or extending an interaction appends: events on its own stream, new pledge streams, and one
/// <see cref="PledgeReaffirmed"/> on each existing pledge that one of its commitments restates.</summary>
public sealed record InteractionChange(Guid InteractionId, IReadOnlyList<object> Events, IReadOnlyList<NewPledgeStream> NewPledges, IReadOnlyList<PledgeReaffirmed> Reaffirmations);

/// <summary>Pure decisions on interaction streams: (state, command, ids, today) → events.</summary>
public static class InteractionDecisions
{
    public static InteractionChange Log(InteractionDraft draft, Guid interactionId, Func<Guid> nextId, DateOnly today, IReadOnlyDictionary<Guid, Pledge>? reaffirmable = null) =>
        Log(draft, interactionId, _ => nextId(), today, reaffirmable);

    /// <param name="nextId">The next id for a portion at a marking. Ids derived from a source come from one sequence per
    /// marking (<see cref="DeterministicIds.SequencesByMarking"/>), so the ids a reader can see skip no number that
    /// would count the portions they cannot.</param>
    /// <param name="reaffirmable">The pledges the draft's commitments reaffirm, as the actor can see them (a pledge they
    /// cannot see is not there); null where no pledge can be read (an import).</param>
    public static InteractionChange Log(InteractionDraft draft, Guid interactionId, Func<Classification, Guid> nextId, DateOnly today, IReadOnlyDictionary<Guid, Pledge>? reaffirmable = null)
    {
        ThrowIfInvalid(draft.Check());
        if (draft.Occurred.Date > today)
        {
            throw new LedgerRuleViolated("occurred.date", $"{draft.Occurred.Date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd})");
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
        var pledges = new List<NewPledgeStream>();
        var reaffirmations = new List<PledgeReaffirmed>();
        foreach (var (commitment, i) in draft.Commitments.Select((c, i) => (c, i)))
        {
            if (commitment.Reaffirms is not null)
            {
                var (restated, reaffirmed) = Reaffirm(state, commitment, $"commitments[{i}].reaffirms", reaffirmable);
                events.Add(restated);
                reaffirmations.Add(reaffirmed);
                continue;
            }

            var marking = AtLeast(commitment.Classification, state.Classification);
            var (recorded, pledge) = MakeCommitment(state, commitment, nextId(marking), () => nextId(marking));
            events.Add(recorded);
            pledges.Add(pledge);
        }

        events.AddRange(draft.FollowUps.Select(f => state.FollowUps.Schedule(interactionId, null, f, nextId(state.Classification), state.Relationships, state.Classification)));
        return new InteractionChange(interactionId, events, pledges, reaffirmations);
    }

    public static StatementRecorded AddStatement(Interaction state, StatementDraft draft, Guid statementId)
    {
        var errors = new FieldErrors();
        draft.Check(errors, "", state.Parties);
        errors.ThrowIfAny();
        RequireNotRetracted(state);
        return RecordStatement(state, draft, statementId);
    }

    /// <param name="reaffirmable">The pledge <see cref="CommitmentDraft.Reaffirms"/> names, if the actor can see it.</param>
    public static InteractionChange AddCommitment(Interaction state, CommitmentDraft draft, Guid pledgeId, Func<Guid> nextId, IReadOnlyDictionary<Guid, Pledge>? reaffirmable = null)
    {
        var errors = new FieldErrors();
        draft.Check(errors, "", state.Parties);
        errors.ThrowIfAny();
        RequireNotRetracted(state);
        if (draft.Reaffirms is not null)
        {
            var (restated, reaffirmed) = Reaffirm(state, draft, "reaffirms", reaffirmable);
            return new InteractionChange(state.Id, [restated], [], [reaffirmed]);
        }

        var (recorded, pledge) = MakeCommitment(state, draft, pledgeId, nextId);
        return new InteractionChange(state.Id, [recorded], [pledge], []);
    }

    public static FollowUpScheduled ScheduleFollowUp(Interaction state, FollowUpDraft draft, Guid followUpId)
    {
        var errors = new FieldErrors();
        draft.Check(errors, "");
        errors.ThrowIfAny();
        RequireNotRetracted(state);
        return state.FollowUps.Schedule(state.Id, null, draft, followUpId, state.Relationships, state.Classification);
    }

    public static InteractionEntryCorrected Correct(Interaction state, Guid? statementId, string field, string now, string reason)
    {
        RequireReason(reason);
        RequireNotRetracted(state);
        var normalisedField = (field ?? "").Trim().ToLowerInvariant();
        var cleanNow = (now ?? "").Trim();
        if (cleanNow.Length == 0 && normalisedField != InteractionFields.Topics)
        {
            throw new CommandRejected([new FieldError("now", $"the {normalisedField} cannot be empty; retract the entry instead")]);
        }

        var was = statementId is { } id ? CurrentStatementValue(state, id, normalisedField) : CurrentInteractionValue(state, normalisedField, cleanNow);
        if (normalisedField == InteractionFields.Kind)
        {
            cleanNow = Enum.Parse<InteractionKind>(cleanNow, ignoreCase: true).ToString();
        }

        if (string.Equals(was, cleanNow, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolated("now", $"the {normalisedField} is already '{cleanNow}'; nothing to correct");
        }

        var classification = statementId is { } target ? state.Statements[target].Classification : state.Classification;
        return new InteractionEntryCorrected(state.Id, statementId, normalisedField, was, cleanNow, reason.Trim(), state.Relationships, classification);
    }

    public static StatementRetracted RetractStatement(Interaction state, Guid statementId, string reason)
    {
        RequireReason(reason);
        RequireNotRetracted(state);
        var statement = FindStatement(state, statementId);
        if (statement.Retracted)
        {
            throw new LedgerRuleViolated("statementId", $"statement {statementId} is already retracted");
        }

        return new StatementRetracted(state.Id, statementId, reason.Trim(), state.Relationships, statement.Classification);
    }

    public static InteractionRetracted Retract(Interaction state, string reason)
    {
        RequireReason(reason);
        RequireNotRetracted(state);
        return new InteractionRetracted(state.Id, reason.Trim(), state.Relationships);
    }

    internal static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CommandRejected([new FieldError("reason", "is required: say why the entry is corrected or retracted")]);
        }
    }

    private static void ThrowIfInvalid(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new CommandRejected(errors);
        }
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

    private static (CommitmentRecorded, NewPledgeStream) MakeCommitment(Interaction state, CommitmentDraft draft, Guid pledgeId, Func<Guid> nextId)
    {
        var (by, to, relationships) = Sides(state, draft);
        var classification = AtLeast(draft.Classification, state.Classification);
        var made = new PledgeMade(pledgeId, state.Id, by, to, draft.Kind, draft.Text.Trim(), (draft.Topic ?? "").Trim(),
            draft.Due, state.Occurred.Date, relationships, classification, draft.CameoCodes);
        var pledgeEvents = new List<object> { made };
        pledgeEvents.AddRange(draft.FollowUps.Select(f => FollowUpBook.Empty.Schedule(pledgeId, pledgeId, f, nextId(), relationships, classification)));
        return (new CommitmentRecorded(state.Id, pledgeId, by, to, made.Text, classification), new NewPledgeStream(pledgeId, pledgeEvents));
    }

    /// <summary>The commitment restates pledge <see cref="CommitmentDraft.Reaffirms"/>: the interaction records it under
    /// that pledge's id, and the pledge stream gets <see cref="PledgeReaffirmed"/>. A pledge the actor cannot see reads
    /// exactly as one that does not exist.</summary>
    private static (CommitmentRecorded, PledgeReaffirmed) Reaffirm(Interaction state, CommitmentDraft draft, string field, IReadOnlyDictionary<Guid, Pledge>? reaffirmable)
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
        return (new CommitmentRecorded(state.Id, pledgeId, by, to, text, marking),
            new PledgeReaffirmed(pledgeId, state.Id, by, to, text, state.Occurred.Date, pledge.Relationships, marking));
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
            _ => throw new CommandRejected([new FieldError("field", $"'{field}' cannot be corrected on a statement; use one of {string.Join(", ", InteractionFields.OfStatement)}")]),
        };
    }

    private static string CurrentInteractionValue(Interaction state, string field, string now) => field switch
    {
        InteractionFields.Summary => state.Summary,
        InteractionFields.Kind => EnumText.IsName<InteractionKind>(now)
            ? state.Kind.ToString()
            : throw new CommandRejected([new FieldError("now", $"'{now}' is not an interaction kind ({string.Join(", ", Enum.GetNames<InteractionKind>())})")]),
        InteractionFields.OccurredOn => DateOnly.TryParseExact(now, "yyyy-MM-dd", out var date)
            ? date.Year is >= 1900 and <= 2200
                ? state.Occurred.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : throw new CommandRejected([new FieldError("now", $"{now} is not a plausible date (1900–2200)")])
            : throw new CommandRejected([new FieldError("now", $"'{now}' is not a date (yyyy-MM-dd)")]),
        _ => throw new CommandRejected([new FieldError("field", $"'{field}' cannot be corrected on an interaction; use one of {string.Join(", ", InteractionFields.OfInteraction)}")]),
    };
}
