using CommsLedger.Projections.Search;

namespace CommsLedger.Projections.Tests.Search;

public sealed class SearchLanguageTests
{
    [Theory]
    [InlineData("China is ready to work with Peru to safeguard multilateralism.", "english")]
    [InlineData("El Perú agradece a China su apoyo en la lucha contra la pandemia.", "spanish")]
    [InlineData("La France soutient les efforts du Pérou dans la lutte contre la pandémie.", "french")]
    [InlineData("Sinopharm", "simple")]
    [InlineData("", "simple")]
    [InlineData("中国愿同秘鲁一道维护多边主义", "simple")]
    public void an_entry_is_indexed_in_the_language_whose_function_words_it_uses_most(string text, string language) =>
        Assert.Equal(language, SearchLanguage.Of(text));

    [Fact]
    public void a_tie_between_languages_is_indexed_without_stemming() =>
        Assert.Equal("simple", SearchLanguage.Of("la de"));
}
