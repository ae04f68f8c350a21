using CommsLedger.Web.Tests.Support;
using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Access;

[Collection(WebCollection.Name)]
public sealed class AccessibilityTests(WebSite site)
{
    [Fact]
    public async Task the_keyboard_reaches_the_content_first_and_focus_is_visible()
    {
        var page = await site.Open(WebSite.Recorder, javaScript: true);
        await page.GotoAsync("/relationship/CN-PE");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        Assert.NotEqual("none", await skip.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.closest('main') ? 'main' : document.activeElement.tagName");
        Assert.Equal("main", focused);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(768)]
    public async Task pages_fit_a_laptop_and_a_tablet_without_scrolling_sideways(int width)
    {
        var page = await site.Open(WebSite.Recorder, javaScript: true, width: width);
        foreach (var path in new[] { "/", "/relationship/CN-PE", "/log", "/follow-ups", "/review?what=relationship&id=CN-PE", "/find?q=vaccine" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a {width}px screen");
        }

        await page.GotoAsync("/relationship/CN-PE");
        await page.Screenshot($"relationship-{width}px");
    }
}
