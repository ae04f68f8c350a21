using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CommsLedger.Application.Access.Credentials;

/// <summary>
/// Passwords are stored as PBKDF2-HMAC-SHA256 with a random 128-bit salt and 600,000 iterations (OWASP's 2023 figure),
/// as <c>pbkdf2-sha256$600000$salt$hash</c> (base64), so the cost can be raised later without breaking stored hashes.
/// </summary>
public static class PasswordHashing
{
    public const int Iterations = 600_000;
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        return CryptographicOperations.FixedTimeEquals(Derive(password, Convert.FromBase64String(parts[2]), iterations), expected);
    }

    /// <summary>What the user's stream records of a stored hash: its SHA-256, hex. It proves which hash was set without
    /// putting the hash (and its salt) into an event that proofs and histories show.</summary>
    public static string Fingerprint(string storedHash) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(storedHash)));

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
