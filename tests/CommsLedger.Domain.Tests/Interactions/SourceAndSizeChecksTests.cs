using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Shared;
using static CommsLedger.Domain.Tests.Example;

namespace CommsLedger.Domain.Tests.Interactions;

/// <summary>A source must be something a reviewer can follow, and one interaction cannot name every party on earth.</summary>
public class SourceAndSizeChecksTests
{
    private static void Log(InteractionDraft draft) => InteractionDecisions.Log(draft, InteractionId, IdsFrom(1), Today);

    private static InteractionDraft WithSource(string? url, string? sha256) =>
        Call() with { Source = new SourceReference("readout-1", url, sha256) };

    [Fact]
    public void an_overlong_source_url_is_refused_naming_it()
    {
        var url = "https://example.org/" + new string('a', 900_000);

        Assert.Equal(["source.url"], Then.RejectedFields(() => Log(WithSource(url, null))));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("https://example.org/\u0007bell")]
    [InlineData("")]
    public void a_source_url_with_spaces_or_control_characters_is_refused(string url)
    {
        Assert.Equal(["source.url"], Then.RejectedFields(() => Log(WithSource(url, null))));
    }

    [Theory]
    [InlineData("not-a-hash")]
    [InlineData("7ad6deb8ccbdcf7717f852970f20864a91861e81d86a283b3329fc367e41c57")]
    [InlineData("zad6deb8ccbdcf7717f852970f20864a91861e81d86a283b3329fc367e41c577")]
    public void a_text_hash_that_is_not_64_hex_digits_is_refused(string hash)
    {
        Assert.Equal(["source.textSha256"], Then.RejectedFields(() => Log(WithSource(null, hash))));
    }

    [Theory]
    [InlineData("https://www.fmprc.gov.cn/eng/wjdt_665385/2649_665393/202011/t20201106.html")]
    [InlineData("china-peru-call-2020-11-05.txt")]
    public void a_web_address_or_the_file_name_ingest_records_is_kept(string url)
    {
        Log(WithSource(url, "7ad6deb8ccbdcf7717f852970f20864a91861e81d86a283b3329fc367e41c577"));
    }

    [Fact]
    public void an_interaction_naming_more_parties_than_the_bound_is_refused_naming_participants()
    {
        var codes = (from a in Enumerable.Range('A', 26) from b in Enumerable.Range('A', 26) select $"{(char)a}{(char)b}")
            .Where(PartyCode.IsKnown).Take(InteractionDraft.MaxParties + 1);
        var everyone = CallBetween([.. codes.Select(code => new Participant($"Minister {code}", "Foreign Minister", code))]);

        Assert.Equal(["participants"], Then.RejectedFields(() => Log(everyone)));
    }
}
