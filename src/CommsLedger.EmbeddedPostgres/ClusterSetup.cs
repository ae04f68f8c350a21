using System.Globalization;
using System.Security.Cryptography;

namespace CommsLedger.EmbeddedPostgres;

/// <summary>Creates a cluster the first time (initdb, or a base backup of its primary for a standby), and keeps its
/// settings current and its port usable on later starts.</summary>
internal static class ClusterSetup
{
    public static async Task<ClusterSettings> LoadOrInitializeAsync(
        ServerControl server, ClusterLayout layout, ServerAccount account, EmbeddedClusterOptions options, CancellationToken cancellationToken)
    {
        if (File.Exists(layout.SettingsFile))
        {
            return await ClusterSettings.LoadAsync(layout.SettingsFile, cancellationToken);
        }

        // Never delete what may be someone's data; the password needed to use it is gone, though.
        if (Directory.Exists(layout.Data))
        {
            throw new InvalidOperationException(
                $"{layout.Data} exists but {layout.SettingsFile} is missing, so its password is unknown. "
                + $"Delete {layout.Root} to start over with a new cluster.");
        }

        var settings = options.StandbyOf is { } primary
            ? await CopyPrimaryAsync(server, layout, account, primary, cancellationToken)
            : await InitializeAsync(server, layout, options.DeleteOnDispose, cancellationToken);
        // Written last: its presence marks the cluster as complete. (Our settings file is written before each start.)
        await settings.SaveAsync(layout.SettingsFile, cancellationToken);
        return settings;
    }

    /// <summary>Writes our settings before a start, so a new release's apply to an existing cluster, and moves the
    /// cluster to a new port if something else has taken the recorded one.</summary>
    public static async Task<ClusterSettings> PrepareStartAsync(
        ClusterSettings settings, ServerControl server, ClusterLayout layout, EmbeddedClusterOptions options, CancellationToken cancellationToken)
    {
        var prepared = LoopbackPort.IsFree(settings.Port) ? settings : settings with { Port = LoopbackPort.PickFree() };
        await server.WriteConfigAsync(prepared.Port, options.DeleteOnDispose, options.Settings, cancellationToken);
        if (prepared != settings)
        {
            await prepared.SaveAsync(layout.SettingsFile, cancellationToken);
        }

        return prepared;
    }

    private static async Task<ClusterSettings> InitializeAsync(ServerControl server, ClusterLayout layout, bool throwAway, CancellationToken cancellationToken)
    {
        var settings = new ClusterSettings(LoopbackPort.PickFree(), RandomNumberGenerator.GetHexString(32, lowercase: true));
        await server.InitializeAsync(settings.Password, throwAway, cancellationToken);
        await File.AppendAllTextAsync(layout.MainConfigFile, ServerConfig.IncludeDirective, cancellationToken);
        return settings;
    }

    // The copy carries the primary's postgresql.conf (which already includes our file) and its superuser password.
    private static async Task<ClusterSettings> CopyPrimaryAsync(
        ServerControl server, ClusterLayout layout, ServerAccount account, EmbeddedCluster primary, CancellationToken cancellationToken)
    {
        var passFileLine = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{primary.Port}:*:{ServerControl.Superuser}:{primary.SuperuserPassword}\n");
        await account.WriteServerFileAsync(layout.PassFile, passFileLine, cancellationToken);
        await server.BaseBackupAsync(primary.Port, cancellationToken);
        return new ClusterSettings(LoopbackPort.PickFree(), primary.SuperuserPassword);
    }
}
