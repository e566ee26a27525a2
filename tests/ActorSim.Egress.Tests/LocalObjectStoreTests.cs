using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Egress.Tests;

public class LocalObjectStoreTests
{
    [Fact]
    public async Task Put_should_create_folders_replace_atomically_and_leave_no_temporary_files()
    {
        using var temp = new TempDirectory();
        var store = new LocalObjectStore(temp.Sub("root"));

        await store.PutAsync("date=2026-01-01/a_000001.parquet", new byte[] { 1, 2 }, default);
        await store.PutAsync("date=2026-01-01/a_000001.parquet", new byte[] { 3 }, default);

        Assert.Equal(["date=2026-01-01/a_000001.parquet"], await store.ListAsync("", default));
        Assert.Equal([3], await store.ReadAsync("date=2026-01-01/a_000001.parquet", default));
        Assert.Single(Directory.GetFiles(temp.Sub("root"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_temporary_left_by_a_crashed_run_of_the_same_process_id_should_be_replaced_not_appended_to()
    {
        using var temp = new TempDirectory();
        var store = new LocalObjectStore(temp.Sub("root"));
        Directory.CreateDirectory(temp.Sub("root"));
        var leftover = Path.Combine(temp.Sub("root"), $".a_000001.parquet.{Environment.ProcessId}.tmp");
        await File.WriteAllBytesAsync(leftover, new byte[] { 9, 9, 9, 9, 9 });

        await store.PutAsync("a_000001.parquet", new byte[] { 1, 2 }, default);

        Assert.Equal([1, 2], await store.ReadAsync("a_000001.parquet", default));
        Assert.False(File.Exists(leftover));
        Assert.Single(Directory.GetFiles(temp.Sub("root"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_same_chunk_written_at_once_by_two_stores_of_one_process_should_land_whole_for_both()
    {
        using var temp = new TempDirectory();
        var (first, second) = (new LocalObjectStore(temp.Sub("root")), new LocalObjectStore(temp.Sub("root")));
        var content = Enumerable.Range(0, 1 << 18).Select(i => (byte)i).ToArray();

        for (var round = 0; round < 20; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? first : second).PutAsync("replication=3/events_000001.parquet", content, default)));
        }

        Assert.Equal(content, await first.ReadAsync("replication=3/events_000001.parquet", default));
        Assert.Single(Directory.GetFiles(temp.Sub("root"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Path_escaping_the_root_should_be_refused()
    {
        using var temp = new TempDirectory();
        var store = new LocalObjectStore(temp.Path);

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("../outside.parquet", new byte[] { 1 }, default));
    }

    [Fact]
    public async Task Unwritable_folder_should_fail_with_the_path()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.Sub("file"), "not a folder");
        var store = new LocalObjectStore(temp.Sub("file"));

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync("x/a.parquet", new byte[] { 1 }, default));

        Assert.Equal("x/a.parquet", error.Path);
        Assert.Contains(temp.Sub("file"), error.Message, StringComparison.Ordinal);
    }
}
