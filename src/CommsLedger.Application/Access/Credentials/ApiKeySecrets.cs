using System.Security.Cryptography;
using System.Text;

namespace CommsLedger.Application.Access.Credentials;

/// <summary>
/// API keys read <c>clk_&lt;key id, 32 hex&gt;_&lt;secret, 43 base64url&gt;</c>: the id finds the stored key in one
/// look-up; the SHA-256 of the whole key is compared in constant time.
/// </summary>
public static class ApiKeySecrets
{
    private const string Prefix = "clk_";

    public static string New(Guid keyId) =>
        Prefix + keyId.ToString("N") + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static Guid? IdOf(string? key)
    {
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length < Prefix.Length + 33 || key[Prefix.Length + 32] != '_')
        {
            return null;
        }

        return Guid.TryParseExact(key.AsSpan(Prefix.Length, 32), "N", out var id) ? id : null;
    }

    public static bool Matches(string key, string storedSha256) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sha256(key)), Encoding.ASCII.GetBytes(storedSha256));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
