using CommsLedger.Domain.Shared;
using Mediator;

namespace CommsLedger.Application.Pipeline;

/// <summary>A command that records classified content, naming the field of each marking.</summary>
public interface IMarked
{
    IEnumerable<(string Field, Classification Marking)> Markings();
}

/// <summary>Nobody records content above their own clearance.</summary>
public sealed class ClearanceBehaviour<TMessage, TResponse>(Actor actor) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IMarked marked)
        {
            var above = marked.Markings().Where(m => m.Marking > actor.Clearance)
                .Select(m => new FieldError(m.Field, $"{m.Marking.Display()} is above your clearance ({actor.Clearance.Display()})"))
                .ToArray();
            if (above.Length > 0)
            {
                throw new CommandRejected(above, $"recording above the actor's clearance ({actor.Clearance.Display()})");
            }
        }

        return next(message, cancellationToken);
    }
}
