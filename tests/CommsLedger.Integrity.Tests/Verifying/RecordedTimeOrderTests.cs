using CommsLedger.Integrity.Timing;

namespace CommsLedger.Integrity.Tests.Verifying;

public sealed class RecordedTimeOrderTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(30);

    [Fact]
    public void an_event_after_one_recorded_at_the_earliest_instant_is_in_order_and_one_at_the_latest_is_in_the_future()
    {
        var order = new RecordedTimeOrder(Tolerance, DateTimeOffset.UtcNow);
        order.After(1, DateTimeOffset.MinValue);

        Assert.Null(order.Next(2, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.True(order.Next(3, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.MaxValue)?.InFuture);
    }

    [Fact]
    public void an_unstamped_row_between_two_events_is_not_compared_and_the_next_is_compared_with_the_one_before_it()
    {
        var now = DateTimeOffset.UtcNow;
        var order = new RecordedTimeOrder(Tolerance, DateTimeOffset.MaxValue);
        order.After(1, now);

        Assert.Null(order.Next(2, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.MinValue));
        Assert.Equal(1, order.Next(3, Guid.NewGuid(), Guid.NewGuid(), now.AddHours(-1))?.PreviousSequence);
    }

    [Fact]
    public void an_event_recorded_a_day_before_the_one_before_it_at_the_latest_now_is_backdated()
    {
        var order = new RecordedTimeOrder(Tolerance, DateTimeOffset.MaxValue);
        order.After(1, DateTimeOffset.UtcNow);

        Assert.Equal(1, order.Next(2, Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-1))?.PreviousSequence);
    }
}
