namespace CommsLedger.EmbeddedPostgres.Tests;

public sealed class UserDefaultLocationTests
{
    [Fact]
    public void a_user_cluster_lives_under_the_xdg_data_home()
    {
        Assert.Equal("/data/commsledger/postgres", EmbeddedClusterOptions.UserDefaultDirectory(false, "/data", "/home/ann"));
    }

    [Fact]
    public void without_an_absolute_xdg_data_home_it_lives_under_local_share()
    {
        Assert.Equal("/home/ann/.local/share/commsledger/postgres", EmbeddedClusterOptions.UserDefaultDirectory(false, null, "/home/ann"));
        Assert.Equal("/home/ann/.local/share/commsledger/postgres", EmbeddedClusterOptions.UserDefaultDirectory(false, "rel", "/home/ann"));
    }

    [Fact]
    public void roots_cluster_lives_where_the_postgres_account_can_reach_it()
    {
        Assert.Equal("/var/lib/commsledger/postgres", EmbeddedClusterOptions.UserDefaultDirectory(true, "/root/.data", "/root"));
    }

    [Fact]
    public void a_throw_away_cluster_gets_a_fresh_temp_folder_that_is_deleted_on_dispose()
    {
        var one = EmbeddedClusterOptions.ThrowAway();
        var other = EmbeddedClusterOptions.ThrowAway();

        Assert.True(one.DeleteOnDispose);
        Assert.StartsWith(Path.GetTempPath(), one.DataDirectory, StringComparison.Ordinal);
        Assert.NotEqual(one.DataDirectory, other.DataDirectory);
        Assert.False(Directory.Exists(one.DataDirectory));
    }
}
