using System.Security.Cryptography;
using System.Text;

namespace CommsLedger.Web.Access;

/// <summary>The one-time code of the set-up link printed on the console while the ledger has no users. Claiming it
/// closes it at once (a second browser cannot use it at the same time); a failed attempt (a field error) reopens it.
/// After the first administrator exists it is gone for good: nothing is left open.</summary>
public sealed class FirstRunSetup
{
    public const string Path = "/setup";

    private readonly Lock _lock = new();
    private string? _code;
    private bool _done;

    public string Open()
    {
        lock (_lock)
        {
            if (_done)
            {
                throw new InvalidOperationException("the first administrator already exists");
            }

            return _code ??= RandomNumberGenerator.GetHexString(40, lowercase: true);
        }
    }

    public bool IsOpen(string? code)
    {
        lock (_lock)
        {
            return _code is not null && code is not null
                && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(_code), Encoding.ASCII.GetBytes(code));
        }
    }

    /// <summary>Takes the code so no one else can use it while the administrator is created; true if it was open.</summary>
    public bool TryClaim(string? code)
    {
        lock (_lock)
        {
            if (!IsOpen(code))
            {
                return false;
            }

            _code = null;
            return true;
        }
    }

    public void Reopen(string code)
    {
        lock (_lock)
        {
            if (!_done)
            {
                _code = code;
            }
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            _code = null;
            _done = true;
        }
    }
}
