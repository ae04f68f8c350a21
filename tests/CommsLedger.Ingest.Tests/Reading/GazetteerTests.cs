using CommsLedger.Ingest.Countries;
using CommsLedger.Ingest.Text;

namespace CommsLedger.Ingest.Tests.Reading;

public sealed class GazetteerTests
{
    [Fact]
    public void the_gazetteer_holds_all_193_un_members_the_two_observers_the_eu_and_three_organisations()
    {
        Assert.Equal(199, Gazetteer.Shared.Codes.Count);
        Assert.All(new[] { "CN", "PE", "US", "GB", "EU", "PS", "VA", "SS", "TL", "KP", "KR", "UNO", "NATO", "AFU" }, code => Assert.Contains(code, Gazetteer.Shared.Codes));
    }

    [Theory]
    [InlineData("the United Nations", "UNO")]
    [InlineData("UN peacekeeping", "UNO")]
    [InlineData("las Naciones Unidas", "UNO")]
    [InlineData("l'ONU", "UNO")]
    [InlineData("NATO allies", "NATO")]
    [InlineData("l'OTAN", "NATO")]
    [InlineData("the African Union", "AFU")]
    [InlineData("la Unión Africana", "AFU")]
    [InlineData("l'Union africaine", "AFU")]
    public void organisations_that_can_be_parties_have_the_ledgers_codes(string text, string code) =>
        Assert.Equal(code, Assert.Single(Gazetteer.Shared.FindAll(Tokenizer.Tokenize(text))).Code);

    [Theory]
    [InlineData("Peruvian", "PE")]
    [InlineData("Peru", "PE")]
    [InlineData("the U.S. side", "US")]
    [InlineData("United States", "US")]
    [InlineData("American", "US")]
    [InlineData("European Union", "EU")]
    [InlineData("European", "EU")]
    [InlineData("South Korean", "KR")]
    [InlineData("Guinea-Bissau", "GW")]
    [InlineData("Democratic Republic of the Congo", "CD")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Türkiye", "TR")]
    [InlineData("BEIJING", "CN")]
    [InlineData("España", "ES")]
    [InlineData("del Perú", "PE")]
    [InlineData("los Estados Unidos", "US")]
    [InlineData("EE. UU.", "US")]
    [InlineData("la partie ukrainienne", "UA")]
    [InlineData("de l'Ukraine", "UA")]
    [InlineData("des États\u2011Unis", "US")]
    [InlineData("le ministre chinois", "CN")]
    [InlineData("la canciller ecuatoriana", "EC")]
    [InlineData("Corée du Sud", "KR")]
    public void names_demonyms_and_aliases_map_to_one_code(string text, string code) =>
        Assert.Equal(code, Assert.Single(Gazetteer.Shared.FindAll(Tokenizer.Tokenize(text))).Code);

    [Theory]
    [InlineData("cooperation between China and Latin America", new[] { "CN" })]
    [InlineData("the China-Peru diplomatic relations", new[] { "CN", "PE" })]
    [InlineData("tell us what you think", new string[0])]
    [InlineData("la democracia en América Latina", new string[0])]
    [InlineData("Maurice Dupont et Dominique Martin", new string[0])]
    public void regions_and_common_words_are_not_countries(string text, string[] codes) =>
        Assert.Equal(codes, Gazetteer.Shared.FindAll(Tokenizer.Tokenize(text)).Select(m => m.Code));
}

public sealed class PublisherTests
{
    [Theory]
    [InlineData("https://www.gov.uk/government/news/pm-call", "GB")]
    [InlineData("https://www.state.gov/readout", "US")]
    [InlineData("https://andina.pe/agencia/noticia.aspx", "PE")]
    [InlineData("https://www.mofa.go.jp/press/release/x.html", "JP")]
    [InlineData("https://www.consilium.europa.eu/en/press/", "EU")]
    [InlineData("https://press.un.org/en/2024/sgsm.doc.htm", "UNO")]
    [InlineData("https://europeantimes.press/2020/12/29/call", null)]
    [InlineData("https://example.tv/news", null)]
    [InlineData("not a url", null)]
    [InlineData(null, null)]
    public void the_publisher_is_read_from_the_source_host(string? url, string? code) =>
        Assert.Equal(code, Publisher.FromSource(url));
}
