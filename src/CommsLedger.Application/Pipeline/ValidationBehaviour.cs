using CommsLedger.Domain.Shared;
using Mediator;

namespace CommsLedger.Application.Pipeline;

/// <summary>A message whose shape can be checked before any state is read.</summary>
public interface IChecked
{
    IReadOnlyList<FieldError> Check();
}

/// <summary>Tier one of validation: the message's shape. Rules about current state live in the decisions.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IChecked checkedMessage && checkedMessage.Check() is { Count: > 0 } errors)
        {
            throw new CommandRejected(errors);
        }

        return next(message, cancellationToken);
    }
}
