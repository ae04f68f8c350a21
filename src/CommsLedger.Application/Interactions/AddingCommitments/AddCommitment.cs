using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using Marten;
using Mediator;

namespace CommsLedger.Application.Interactions.AddingCommitments;

/// <summary>Add a commitment to an interaction already logged; its pledge stream starts in the same transaction, or,
/// when it reaffirms a pledge already recorded, that pledge's stream records the reaffirmation.</summary>
public sealed record AddCommitment(Guid InteractionId, long ExpectedVersion, CommitmentDraft Commitment) : ICommand<Changed>, IChecked, IMarked
{
    public IReadOnlyList<FieldError> Check() => FieldErrors.Of(errors => Commitment.Check(errors, ""));

    public IEnumerable<(string Field, Domain.Shared.Classification Marking)> Markings() =>
        Commitment.Classification is { } marking ? [("classification", marking)] : [];
}

public sealed class AddCommitmentHandler(IDocumentSession session, Actor actor) : ICommandHandler<AddCommitment, Changed>
{
    public async ValueTask<Changed> Handle(AddCommitment command, CancellationToken cancellationToken)
    {
        var reaffirmable = await session.LockPledges([command.Commitment.Reaffirms], actor.Clearance, cancellationToken);
        return await session.Change<Interaction>(command.InteractionId, command.ExpectedVersion, actor.Clearance,
            state => InteractionDecisions.AddCommitment(state, command.Commitment, Guid.NewGuid(), Guid.NewGuid, reaffirmable), cancellationToken);
    }
}
