using System.Diagnostics;
using System.Text;

namespace CommsLedger.Ingest.Tests.Robustness;

public sealed class HostileInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t  ")]
    public void empty_input_gives_an_empty_draft_with_a_warning(string text)
    {
        var draft = ReadoutExtractor.Extract(text);
        Assert.Empty(draft.Participants);
        Assert.Empty(draft.Commitments);
        Assert.Contains(draft.Warnings, w => w.StartsWith("input: empty", StringComparison.Ordinal));
    }

    [Fact]
    public void garbage_words_give_an_empty_draft_with_warnings()
    {
        var draft = ReadoutExtractor.Extract("lorem ipsum dolor sit amet qwerty zxcv. Blorp snarf will wibble the frobnicator, he said. Asdf; jkl!");
        Assert.Empty(draft.Participants);
        Assert.Empty(draft.Commitments);
        Assert.Empty(draft.Relationship);
        Assert.Contains(draft.Warnings, w => w.StartsWith("participants:", StringComparison.Ordinal));
    }

    [Fact]
    public void text_with_nul_bytes_is_rejected_as_binary()
    {
        var error = Assert.Throws<ReadoutRejectedException>(() => ReadoutExtractor.Extract("PK\u0003\u0004\0\0\u0014\0binary"));
        Assert.Equal("input: looks binary (NUL bytes)", error.Message);
    }

    [Fact]
    public void binary_bytes_are_rejected_before_decoding()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var error = Assert.Throws<ReadoutRejectedException>(() => ReadoutExtractor.ExtractUtf8(bytes));
        Assert.StartsWith("input: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void bytes_that_are_not_utf8_are_rejected_with_the_offset()
    {
        var error = Assert.Throws<ReadoutRejectedException>(() => ReadoutExtractor.ExtractUtf8([0x48, 0x69, 0xC3, 0x28]));
        Assert.StartsWith("input: not UTF-8 text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_10_MB_string_is_rejected_with_its_size()
    {
        var error = Assert.Throws<ReadoutRejectedException>(() => ReadoutExtractor.Extract(new string('a', 10 * 1024 * 1024)));
        Assert.Equal("input: 10485760 bytes exceeds the 1 MiB limit", error.Message);
    }

    [Fact]
    public void a_10_MB_file_is_rejected_before_it_is_decoded()
    {
        var error = Assert.Throws<ReadoutRejectedException>(() => ReadoutExtractor.ExtractUtf8(new byte[10 * 1024 * 1024]));
        Assert.Equal("input: 10485760 bytes exceeds the 1 MiB limit", error.Message);
    }

    [Fact]
    public void utf8_bytes_of_a_readout_give_the_same_draft_as_its_text()
    {
        const string text = "date 2020-11-06 Chinese Foreign Minister Wang Yi said Thursday China will help Peru, in a phone call with Peruvian Foreign Minister Mario Lopez.";
        Assert.Equal(DraftJson.Serialize(ReadoutExtractor.Extract(text)), DraftJson.Serialize(ReadoutExtractor.ExtractUtf8(Encoding.UTF8.GetBytes(text))));
    }

    /// <summary>Just under the limit, with no sentence ends and repeated trigger words: it must finish, not hang.</summary>
    [Fact]
    public void a_megabyte_of_pathological_text_finishes()
    {
        var unit = "China will support Peru and will , said that the , and he said , ";
        var text = new StringBuilder().Insert(0, unit, (ReadoutExtractor.MaxInputBytes - 100) / unit.Length).ToString();
        var watch = Stopwatch.StartNew();
        var draft = ReadoutExtractor.Extract(text);
        Assert.NotNull(draft);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void a_megabyte_of_random_words_finishes()
    {
        var random = new Random(11);
        var words = new[] { "the", "President", "said", "will", "China", "and", "Minister", "of", "Peru", "met", "Thursday", "visit", "Wang", ",", ".", "Mr.", "U.S." };
        var text = new StringBuilder();
        while (text.Length < ReadoutExtractor.MaxInputBytes - 20)
        {
            text.Append(words[random.Next(words.Length)]).Append(' ');
        }

        Assert.NotNull(ReadoutExtractor.Extract(text.ToString()));
    }
}
