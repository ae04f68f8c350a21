using System.Threading.Channels;

namespace CommsLedger.Application.Interactions.Importing;

/// <summary>
/// Reading and deciding the file's lines costs about as much CPU as writing them: the next batches are decided on a
/// thread of their own while the current one is appended, a few batches ahead at most.
/// </summary>
internal static class Prefetched
{
    public static async IAsyncEnumerable<T> Ahead<T>(IEnumerable<T> source, int capacity, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in source)
                {
                    await channel.Writer.WriteAsync(item, stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }
}
