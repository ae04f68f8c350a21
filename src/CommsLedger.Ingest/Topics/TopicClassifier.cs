using System.Reflection;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Topics;

/// <summary>Tags text with _topics from the embedded _topics.tsv lexicon, in the order their cues first appear.</summary>
internal sealed class TopicClassifier
{
    private static readonly Lazy<TopicClassifier> _sharedInstance = new(Load);

    private readonly List<(string Topic, string[][] Cues)> _topics;

    private TopicClassifier(List<(string Topic, string[][] Cues)> topics) => _topics = topics;

    public static TopicClassifier Shared => _sharedInstance.Value;

    public IReadOnlyList<string> Classify(string text)
    {
        var words = Tokenizer.Tokenize(text).Where(t => t.Kind != TokenKind.Punct || t.Value == "-").Select(t => t.Value.ToLowerInvariant()).ToArray();
        var found = new List<(int Position, string Topic)>();
        foreach (var (topic, cues) in _topics)
        {
            var position = FirstPosition(words, cues);
            if (position >= 0)
            {
                found.Add((position, topic));
            }
        }

        return found.OrderBy(f => f.Position).Select(f => f.Topic).ToList();
    }

    public string? Primary(string text) => Classify(text).FirstOrDefault();

    private static int FirstPosition(string[] words, string[][] cues)
    {
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var cue in cues)
            {
                if (MatchesAt(words, i, cue))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static bool MatchesAt(string[] words, int i, string[] cue)
    {
        if (i + cue.Length > words.Length)
        {
            return false;
        }

        for (var k = 0; k < cue.Length; k++)
        {
            var part = cue[k];
            var ok = part.EndsWith('*') ? words[i + k].StartsWith(part[..^1], StringComparison.Ordinal) : words[i + k] == part;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static TopicClassifier Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CommsLedger.Ingest.topics.tsv")
            ?? throw new InvalidOperationException("topics.tsv is not embedded in CommsLedger.Ingest");
        using var reader = new StreamReader(stream);
        var _topics = new List<(string, string[][])>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            var cues = columns[1].Split('|').Select(c => Tokenizer.Tokenize(c).Where(t => t.Kind != TokenKind.Punct || t.Value is "-" or "*").Select(t => t.Value).ToArray()).Select(JoinStars).ToArray();
            _topics.Add((columns[0], cues));
        }

        return new TopicClassifier(_topics);
    }

    /// <summary>The tokenizer splits "covid*" into "covid" and "*": glue the star back on.</summary>
    private static string[] JoinStars(string[] parts)
    {
        var joined = new List<string>();
        foreach (var part in parts)
        {
            if (part == "*" && joined.Count > 0)
            {
                joined[^1] += "*";
            }
            else
            {
                joined.Add(part);
            }
        }

        return joined.ToArray();
    }
}
