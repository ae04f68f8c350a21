using System.Text;
using CommsLedger.Integrity.Leaves;
using CommsLedger.Integrity.Merkle;

namespace CommsLedger.Integrity.Tests.Leaves;

public sealed class LeafEncodingTests
{
    private static readonly EventEnvelope _envelope = new(
        Sequence: 42,
        EventId: Guid.Parse("00112233-4455-6677-8899-aabbccddeeff"),
        StreamId: Guid.Parse("ffeeddcc-bbaa-9988-7766-554433221100"),
        Version: 3,
        EventType: "interaction_logged.v1",
        RecordedAt: new DateTimeOffset(2020, 11, 5, 14, 30, 0, TimeSpan.Zero).AddTicks(1234560),
        UserName: "desk.officer",
        Classification: "SECRET");

    private static readonly Hash256 _payloadHash = LeafEncoding.PayloadHash("""{"Summary": "call"}""", null);

    [Fact]
    public void the_encoding_is_laid_out_exactly_as_documented()
    {
        var bytes = LeafEncoding.Encode(_envelope with { UserName = "u", Classification = "S", EventType = "t" }, _payloadHash);

        var expected = Convert.FromHexString(
            "01" + "000000000000002a" + "00112233445566778899aabbccddeeff" + "ffeeddccbbaa99887766554433221100"
            + "0000000000000003" + "00000001" + "74" + Convert.ToHexString(BitConverter.GetBytes(_envelope.RecordedAtMicroseconds).Reverse().ToArray())
            + "01" + "00000001" + "75" + "00000001" + "53" + _payloadHash);
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void decoding_gives_back_what_was_encoded()
    {
        Assert.Equal((_envelope, _payloadHash), LeafEncoding.Decode(LeafEncoding.Encode(_envelope, _payloadHash)));
        var anonymous = _envelope with { UserName = null };
        Assert.Equal((anonymous, _payloadHash), LeafEncoding.Decode(LeafEncoding.Encode(anonymous, _payloadHash)));
    }

    [Fact]
    public void the_leaf_hash_is_the_rfc_leaf_hash_of_the_encoding()
    {
        var expected = Hash256.Of([0x00, .. LeafEncoding.Encode(_envelope, _payloadHash)]);

        Assert.Equal(expected, LeafEncoding.LeafHash(_envelope, _payloadHash));
    }

    [Fact]
    public void the_payload_hash_is_sha256_of_the_json_text_and_binary_payloads_are_kept_apart()
    {
        var json = """{"N": 1}""";

        Assert.Equal(Hash256.Of(Encoding.UTF8.GetBytes(json)), LeafEncoding.PayloadHash(json, null));
        Assert.Equal(Hash256.Of([0xFF, 1, 2]), LeafEncoding.PayloadHash("{}", [1, 2]));
        Assert.NotEqual(LeafEncoding.PayloadHash("\u0001\u0002", null), LeafEncoding.PayloadHash("{}", [1, 2]));
    }

    [Fact]
    public void an_absent_user_and_an_empty_user_encode_differently()
    {
        Assert.NotEqual(LeafEncoding.Encode(_envelope with { UserName = null }, _payloadHash), LeafEncoding.Encode(_envelope with { UserName = "" }, _payloadHash));
    }

    [Fact]
    public void comparison_names_each_field_that_differs()
    {
        var recorded = (_envelope, _payloadHash);
        var current = (_envelope with { RecordedAt = _envelope.RecordedAt.AddSeconds(1), Classification = "UNCLASSIFIED" }, Hash256.Of([1]));

        Assert.Equal(
            [EnvelopeComparison.RecordedAt, EnvelopeComparison.Classification, EnvelopeComparison.Payload],
            EnvelopeComparison.DifferingFields(recorded, current));
    }
}
