using System.Reflection;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Countries;

internal enum MentionKind
{
    Name,
    Demonym,
    Capital,
}

/// <summary>A country named at tokens [TokenStart, TokenEnd) of a sentence.</summary>
internal readonly record struct CountryMention(string Code, int TokenStart, int TokenEnd, MentionKind Kind);

/// <summary>
/// Country names, aliases, demonyms and capitals (UN members, observers, EU) loaded from the embedded gazetteer.tsv.
/// Matching is by whole tokens, longest alias first, case-sensitive except for all-caps text ("CHINA").
/// </summary>
internal sealed class Gazetteer
{
    private const string _notACountry = "-";
    private static readonly Lazy<Gazetteer> _sharedInstance = new(Load);

    private readonly Dictionary<string, List<Alias>> _aliasesByFirstToken;
    private readonly Dictionary<string, string> _namesByCode;

    private Gazetteer(Dictionary<string, List<Alias>> aliasesByFirstToken, Dictionary<string, string> namesByCode)
    {
        _aliasesByFirstToken = aliasesByFirstToken;
        _namesByCode = namesByCode;
    }

    public static Gazetteer Shared => _sharedInstance.Value;

    public IReadOnlyCollection<string> Codes => _namesByCode.Keys;

    public string? NameOf(string code) => _namesByCode.GetValueOrDefault(code);

    public IReadOnlyList<CountryMention> FindAll(IReadOnlyList<Token> tokens)
    {
        var found = new List<CountryMention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var alias = LongestAt(tokens, i);
            if (alias is null)
            {
                continue;
            }

            if (alias.Code != _notACountry)
            {
                found.Add(new CountryMention(alias.Code, i, i + alias.Tokens.Length, alias.Kind));
            }

            i += alias.Tokens.Length - 1;
        }

        return found;
    }

    private Alias? LongestAt(IReadOnlyList<Token> tokens, int start)
    {
        if (!tokens[start].IsWord || !_aliasesByFirstToken.TryGetValue(Key(tokens[start]), out var candidates))
        {
            return null;
        }

        foreach (var alias in candidates)
        {
            if (Matches(alias, tokens, start))
            {
                return alias;
            }
        }

        return null;
    }

    private static bool Matches(Alias alias, IReadOnlyList<Token> tokens, int start)
    {
        if (start + alias.Tokens.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < alias.Tokens.Length; k++)
        {
            if (Key(tokens[start + k]) != alias.Tokens[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>All-caps words longer than three letters are compared in title case, so a headline's CHINA is China.</summary>
    private static string Key(Token token) =>
        token.IsAllCaps && token.Value.Length > 3 && !token.Value.Contains('.', StringComparison.Ordinal)
            ? token.Value[0] + token.Value[1..].ToLowerInvariant()
            : token.Value;

    private static Gazetteer Load()
    {
        var byFirst = new Dictionary<string, List<Alias>>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ReadResource())
        {
            var columns = line.Split('\t');
            var code = columns[0];
            var aliases = columns[1].Split('|', StringSplitOptions.RemoveEmptyEntries);
            if (code != _notACountry)
            {
                names[code] = aliases[0];
            }

            AddAll(byFirst, code, aliases, MentionKind.Name);
            AddAll(byFirst, code, Column(columns, 2), MentionKind.Demonym);
            AddAll(byFirst, code, Column(columns, 3), MentionKind.Capital);
        }

        foreach (var list in byFirst.Values)
        {
            list.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        }

        return new Gazetteer(byFirst, names);
    }

    private static string[] Column(string[] columns, int index) =>
        index < columns.Length ? columns[index].Split('|', StringSplitOptions.RemoveEmptyEntries) : [];

    private static void AddAll(Dictionary<string, List<Alias>> byFirst, string code, string[] surfaces, MentionKind kind)
    {
        foreach (var surface in surfaces)
        {
            var tokens = Tokenizer.Tokenize(surface).Select(t => t.Value).ToArray();
            if (!byFirst.TryGetValue(tokens[0], out var list))
            {
                byFirst[tokens[0]] = list = [];
            }

            list.Add(new Alias(code, tokens, kind));
        }
    }

    private static IEnumerable<string> ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CommsLedger.Ingest.gazetteer.tsv")
            ?? throw new InvalidOperationException("gazetteer.tsv is not embedded in CommsLedger.Ingest");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    private sealed record Alias(string Code, string[] Tokens, MentionKind Kind);
}
