using CommsLedger.Domain.Shared;
using Mediator;

namespace CommsLedger.Application.Pipeline;

/// <summary>A command that records classified content, naming the field of each marking.</summary>
public interface IMarked
{
    IEnumerable<(string Field, Classification Marking)> Markings();
}

/// <summary>The markings above a clearance, one field error each (<paramref name="prefix"/> locates them, e.g. a line).</summary>
public static class Markings
{
    public static FieldError[] AboveClearance(IEnumerable<(string Field, Classification Marking)> markings, Classification clearance, string prefix = "") =>
        [.. markings.Where(m => m.Marking > clearance)
            .Select(m => new FieldError(prefix + m.Field, $"{m.Marking.Display()} is above your clearance ({clearance.Display()})"))];
}

/// <summary>Nobody records content above their own clearance.</summary>
public sealed class ClearanceBehaviour<TMessage, TResponse>(Actor actor) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IMarked marked)
        {
            var above = Markings.AboveClearance(marked.Markings(), actor.Clearance);
            if (above.Length > 0)
            {
                throw new CommandRejected(above, $"recording above the actor's clearance ({actor.Clearance.Display()})");
            }
        }

        return next(message, cancellationToken);
    }
}
