using System.Xml.Linq;
using CommsLedger.Application.Access.Sessions;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace CommsLedger.Api.Hosting;

/// <summary>The data-protection key ring in the ledger's database (<see cref="SessionKey"/>), shared by every node.
/// The keys are as readable as the database is: whoever can read the database as the app role could forge a cookie,
/// and could already read everything the cookie gives access to.</summary>
public static class SharedSessionKeys
{
    public static IServiceCollection AddSharedSessionKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("commsledger");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new Repository(provider.GetRequiredService<IDocumentStore>())));
        return services;
    }

    private sealed class Repository(IDocumentStore store) : IXmlRepository
    {
        // The framework's interface is synchronous and Marten 9 only asynchronous; the ring is read rarely (at first use,
        // then about once a day) and ASP.NET Core has no synchronization context to deadlock on.
        public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync().GetAwaiter().GetResult();

        public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

        private async Task<IReadOnlyCollection<XElement>> ReadAsync()
        {
            await using var session = store.QuerySession();
            return [.. (await session.Query<SessionKey>().ToListAsync()).Select(key => XElement.Parse(key.Xml))];
        }

        private async Task StoreAsync(XElement element, string friendlyName)
        {
            await using var session = store.LightweightSession();
            session.Insert(new SessionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
            await session.SaveChangesAsync();
        }
    }
}
