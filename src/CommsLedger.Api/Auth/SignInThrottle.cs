using System.Net;

namespace CommsLedger.Api.Auth;

/// <summary>
/// Bounds how many password checks an attacker can make: each Basic sign-in attempt takes a slot in three sliding
/// windows — the user from this address, this address for any user, and the user from anywhere (a higher bar, so
/// a storm from elsewhere slows the account without locking its owner out at once). A full window refuses the
/// attempt before the deliberately slow hash is computed; a successful sign-in gives its slots back, so a client
/// that signs in with Basic on every request is never throttled. In memory, per API process, bounded in size.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    public const int PerUserAndAddress = 5;
    public const int PerAddress = 20;
    public const int PerUser = 100;
    private const int MaxKeys = 10_000;

    private readonly Dictionary<string, List<Slot>> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _lastId;

    /// <summary>A slot in each window, or the time until one frees up when a window is full.</summary>
    public Attempt Begin(string user, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var keys = KeysOf(user, address);
        lock (_gate)
        {
            DateTimeOffset? freeAt = null;
            foreach (var (key, limit) in keys)
            {
                var window = WindowOf(key, now);
                if (window.Count >= limit)
                {
                    var at = window[0].At + Window;
                    freeAt = freeAt is null || at > freeAt ? at : freeAt;
                }
            }

            if (freeAt is { } free)
            {
                return new Attempt(this, [], 0, free - now);
            }

            var slot = new Slot(++_lastId, now);
            foreach (var (key, _) in keys)
            {
                WindowOf(key, now).Add(slot);
            }

            return new Attempt(this, keys, slot.Id, null);
        }
    }

    private void GiveBack(Attempt attempt)
    {
        lock (_gate)
        {
            foreach (var (key, _) in attempt.Keys)
            {
                if (_windows.TryGetValue(key, out var window))
                {
                    window.RemoveAll(slot => slot.Id == attempt.SlotId);
                }
            }
        }
    }

    private static (string Key, int Limit)[] KeysOf(string user, IPAddress? address)
    {
        var name = user.Trim().ToLowerInvariant();
        var from = address?.ToString() ?? "unknown";
        return [($"u\n{name}\n{from}", PerUserAndAddress), ($"a\n{from}", PerAddress), ($"u\n{name}", PerUser)];
    }

    private List<Slot> WindowOf(string key, DateTimeOffset now)
    {
        if (!_windows.TryGetValue(key, out var window))
        {
            if (_windows.Count >= MaxKeys)
            {
                Prune(now);
            }

            window = [];
            _windows[key] = window;
        }

        window.RemoveAll(slot => slot.At + Window <= now);
        return window;
    }

    // Expired windows go first; if an attack keeps every window busy, the table is cleared rather than grown.
    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _windows.Where(w => w.Value.Count == 0 || w.Value[^1].At + Window <= now).Select(w => w.Key).ToArray())
        {
            _windows.Remove(key);
        }

        if (_windows.Count >= MaxKeys)
        {
            _windows.Clear();
        }
    }

    /// <summary>One attempt: refused with <see cref="RetryAfter"/>, or holding slots until it fails (kept) or succeeds (given back).</summary>
    private readonly record struct Slot(long Id, DateTimeOffset At);

    public sealed class Attempt(SignInThrottle throttle, (string Key, int Limit)[] keys, long slotId, TimeSpan? retryAfter)
    {
        internal (string Key, int Limit)[] Keys { get; } = keys;
        internal long SlotId { get; } = slotId;
        public TimeSpan? RetryAfter { get; } = retryAfter;

        public void Succeeded() => throttle.GiveBack(this);
    }
}
