using System.Globalization;
using System.Security.Cryptography;

namespace CommsLedger.EmbeddedPostgres;

/// <summary>Creates a cluster the first time (initdb, or a base backup of its primary for a standby), and keeps its
/// port usable on later starts.</summary>
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
        await server.WriteConfigAsync(settings.Port, options.DeleteOnDispose, options.Settings, cancellationToken);
        // Written last: its presence marks the cluster as complete.
        await settings.SaveAsync(layout.SettingsFile, cancellationToken);
        return settings;
    }

    /// <summary>Moves the cluster to a new port if something else has taken the recorded one.</summary>
    public static async Task<ClusterSettings> EnsurePortFreeAsync(
        ClusterSettings settings, ServerControl server, ClusterLayout layout, EmbeddedClusterOptions options, CancellationToken cancellationToken)
    {
        if (LoopbackPort.IsFree(settings.Port))
        {
            return settings;
        }

        var moved = settings with { Port = LoopbackPort.PickFree() };
        await server.WriteConfigAsync(moved.Port, options.DeleteOnDispose, options.Settings, cancellationToken);
        await moved.SaveAsync(layout.SettingsFile, cancellationToken);
        return moved;
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
