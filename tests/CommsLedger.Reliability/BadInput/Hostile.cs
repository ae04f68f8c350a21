namespace CommsLedger.Reliability.BadInput;

/// <summary>Values people and programs send when they get it wrong, or mean harm: every one must come back as a
/// 4xx naming what is wrong (or be accepted where it happens to be valid), never a 5xx.</summary>
public static class Hostile
{
    public static readonly string[] Texts =
    [
        "", " ", "\t\n", "\u0000", "a\u0000b", "\ud800", "x\udc00y", "\u202Eevil", "\U0001F600", "ÿ", "null", "NaN", "Infinity", "-1", "0",
        "99999999999999999999", "1e309", "2021-02-30", "0000-00-00", "9999-12-31", "1899-12-31", "2021-13-01", "yesterday", "2021-01-01T25:00:00Z",
        "'; drop table commsledger.mt_events; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "%ZZ", "{}", "[]", "\\",
        "CN-XX", "cn-pe", "XX", "ZZ-ZZ", "CN-CN", "00000000-0000-0000-0000-000000000000", "not-a-guid", "TOP SECRET", "top_secret", "COSMIC",
        "clk_00000000000000000000000000000000_x", new string('a', 5_000), new string('é', 70_000),
    ];

    /// <summary>JSON tokens of the wrong kind, or of absurd size or depth.</summary>
    public static readonly string[] Json =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e400", "-0", "123456789012345678901234567890", "\"\"", "[]", "{}", "[null]", "{\"\": null}",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "[" + string.Join(",", Enumerable.Repeat("0", 20_000)) + "]", "\"" + new string('x', 300_000) + "\"",
    ];

    /// <summary>Bodies that are not the JSON they claim to be.</summary>
    public static readonly string[] Bodies =
    [
        "", " ", "{", "}", "{\"a\":", "[1,2", "{'single': 'quotes'}", "{\"a\": 1,}", "{\"a\" 1}", "\u0000\u0001\u0002", "<xml/>", "a=1&b=2",
        "\ufeff{}", "{\"a\": 1, \"a\": 2}", new string('{', 5_000), "null", "[]", "\"string\"", "12",
    ];

    public static readonly string[] Charsets = ["utf-7", "utf-16", "utf-32", "\"utf-8\"", "", "UTF-8", "latin1", "iso-8859-1", "bogus", "utf-8; q=1", "\"\""];

    public static readonly string[] MediaTypes =
        ["text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded", "a/b/c", "application/json+evil", "*/*", "application/problem+json"];

    public static readonly string[] IfMatch = ["\"1\"", "\"2\"", "\"3\"", "*", "W/\"1\"", "\"-1\"", "\"abc\"", "\"99999999999999999999\"", "1", "\"", "\"1\", \"2\"", new string('9', 5_000)];

    public static readonly string[] IdempotencyKeys = ["ключ", "", " ", new string('k', 300), "a\tb", "same-key"];

    public static readonly string[] Accepts = ["application/json", "text/html", "*/*", "application/xml", "garbage", "text/csv"];
}
