using System.Collections.Concurrent;

namespace CommsLedger.Web.Access;

/// <summary>Slows down password guessing: after <see cref="FreeFailures"/> wrong passwords in a row for a user name,
/// further attempts for that name are refused unchecked for a minute, doubling with each further failure up to
/// 15 minutes. A successful sign-in clears the count. In memory: a restart forgives, which the audit log does not.</summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    private static readonly TimeSpan _first = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan _longest = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>When the name may try again, if it must wait.</summary>
    public DateTimeOffset? WaitUntil(string name) =>
        _failures.TryGetValue(Key(name), out var failures) && failures.LockedUntil is { } until && until > clock.GetUtcNow() ? until : null;

    public void Failed(string name) => _failures.AddOrUpdate(Key(name), _ => new Failures(1, null), (_, before) =>
    {
        var count = before.Count + 1;
        if (count < FreeFailures)
        {
            return new Failures(count, null);
        }

        var wait = TimeSpan.FromTicks(Math.Min(_longest.Ticks, _first.Ticks << Math.Min(count - FreeFailures, 10)));
        return new Failures(count, clock.GetUtcNow() + wait);
    });

    public void Succeeded(string name) => _failures.TryRemove(Key(name), out _);

    private static string Key(string name) => name.Trim().ToLowerInvariant();

    private sealed record Failures(int Count, DateTimeOffset? LockedUntil);
}
