using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using CommsLedger.Api.Auth;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Shared;
using Microsoft.Extensions.Logging;

namespace CommsLedger.Api.Tests.Auth;

/// <summary>Repeated wrong passwords are refused with 429 before the slow hash is computed, per user and address;
/// the same user from another address, and API keys, keep working.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SignInThrottleTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(postgres);
        await _api.AddUser("wendy", Classification.Secret, Password, LedgerRole.Reviewer);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task after_repeated_wrong_passwords_even_the_right_one_is_refused_from_that_address_but_not_from_another()
    {
        using var attacker = Basic("127.0.0.1", "wendy", "guess");
        for (var i = 0; i < SignInThrottle.PerUserAndAddress; i++)
        {
            await (await attacker.GetAsync("/me")).Problem(HttpStatusCode.Unauthorized);
        }

        // The right password proves the refusal came before the password was checked.
        using var sameAddress = Basic("127.0.0.1", "wendy", Password);
        using var refused = await sameAddress.GetAsync("/me");
        await refused.Problem(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains(_api.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Message.StartsWith("Sign-in throttled for wendy from 127.0.0.1", StringComparison.Ordinal));

        using var elsewhere = Basic("127.0.0.2", "wendy", Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/me")).StatusCode);
        using var job = _api.Client(ApiHost.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await job.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task a_client_signing_in_with_basic_on_every_request_is_never_throttled()
    {
        using var client = Basic("127.0.0.1", "wendy", Password);

        for (var i = 0; i <= SignInThrottle.PerUserAndAddress + 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
        }
    }

    /// <summary>A client whose connections leave from <paramref name="from"/> (any 127.x address reaches the API).</summary>
    private HttpClient Basic(string from, string user, string password)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = _api.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }
}
