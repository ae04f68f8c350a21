using Microsoft.Playwright;

namespace CommsLedger.Web.Tests.Support;

/// <summary>What a person does on the pages, and the screenshots kept as test artefacts (git-ignored <c>screenshots/</c>).</summary>
public static class Pages
{
    public static async Task SignIn(this IPage page, string name, string password = WebHost.Password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User name").FillAsync(name);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <param name="fullPage">False for what a 1280×900 screen shows first (the pictures kept under docs/).</param>
    public static async Task Screenshot(this IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage });

    public static string Folder { get; } = Path.Combine(Root(), "screenshots");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommsLedger.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
