using CommsLedger.Api.Hosting;
using CommsLedger.Web.Hosting;

var demo = args.Contains(DemoLedger.Flag);
var builder = WebApplication.CreateBuilder([.. args.Where(a => a != DemoLedger.Flag)]);
await using var database = await builder.OpenLedgerDatabaseAsync(CancellationToken.None);
var app = builder.AddLedgerApi(database).AddLedgerWeb().Build();
app.UseLedgerWeb();
app.UseLedgerApi();
if (demo)
{
    await DemoLedger.SeedAsync(app.Services, Console.Out, CancellationToken.None);
}

await app.StartAsync();
await app.AnnounceAsync(Console.Out, CancellationToken.None);
await app.WaitForShutdownAsync();
