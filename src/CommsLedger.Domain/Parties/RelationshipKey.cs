namespace CommsLedger.Domain.Parties;

/// <summary>An unordered pair of parties, keyed by the two codes sorted and joined: "CN-PE".</summary>
public static class RelationshipKey
{
    public static string Of(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            throw new ArgumentException($"a relationship needs two different parties, got {a} twice");
        }

        return string.CompareOrdinal(a, b) < 0 ? $"{a}-{b}" : $"{b}-{a}";
    }

    /// <summary>Every pair among the parties: a trilateral interaction belongs to three relationships.</summary>
    public static IReadOnlyList<string> AllPairs(IEnumerable<string> parties)
    {
        var distinct = parties.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var keys = new List<string>();
        for (var i = 0; i < distinct.Length; i++)
        {
            for (var j = i + 1; j < distinct.Length; j++)
            {
                keys.Add($"{distinct[i]}-{distinct[j]}");
            }
        }

        return keys;
    }

    /// <summary>Parses "PE-CN" or "cn-pe" into the canonical key; null with a problem text when invalid.</summary>
    public static string? Parse(string? raw, out string? problem)
    {
        var parts = (raw ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            problem = $"'{raw}' is not a relationship key; expected two party codes joined by '-', e.g. CN-PE";
            return null;
        }

        var a = PartyCode.Normalise(parts[0], out problem);
        var b = a is null ? null : PartyCode.Normalise(parts[1], out problem);
        if (a is null || b is null)
        {
            return null;
        }

        if (a == b)
        {
            problem = $"'{raw}' names the same party twice";
            return null;
        }

        return Of(a, b);
    }
}
