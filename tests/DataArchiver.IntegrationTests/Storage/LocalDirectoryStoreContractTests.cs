using System.Security.Cryptography;
using DataArchiver.Core.Storage;
using DataArchiver.Storage.Local;

namespace DataArchiver.IntegrationTests.Storage;

/// <summary>The store contract against a fresh temp directory, plus the directory store's own rules.</summary>
public sealed class LocalDirectoryStoreContractTests : ObjectStoreContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "da-local-store-" + Guid.NewGuid().ToString("N"));

    protected override bool UploadsInParts => false;

    protected override IObjectStore NewStore(long multipartThreshold, long? partSize) => new LocalDirectoryStore(_root);

    protected override IObjectStore NewUnusableStore()
    {
        // A directory cannot be created below a regular file.
        var file = Path.Combine(Scratch, "not-a-directory");
        File.WriteAllText(file, "x");
        return new LocalDirectoryStore(Path.Combine(file, "archive"));
    }

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            if (Directory.Exists(_root))
                Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task CheckAccess_MissingRoot_CreatesIt()
    {
        Assert.False(Directory.Exists(_root));

        await Store().CheckAccessAsync(Ct);

        Assert.True(Directory.Exists(_root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/absolute")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("trailing/")]
    [InlineData("x.jsonl.meta.json")]
    [InlineData("dir/.data-archiver-1.tmp")]
    public async Task Put_KeyOutsideRootOrReserved_IsRefusedAndWritesNothing(string key)
    {
        var store = Store();
        var source = await StoreFiles.RandomAsync(Scratch, 10);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(key, source, ObjectInfo.NoMetadata, Ct));

        Assert.False(error.IsTransient);
        Assert.False(Directory.Exists(_root) && Directory.EnumerateFileSystemEntries(_root).Any());
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_root)!, "escape")));
    }

    [Fact]
    public async Task Put_BelowAnExistingObject_FailsPermanently()
    {
        var store = Store();
        var source = await StoreFiles.RandomAsync(Scratch, 10);
        await store.PutAsync(Prefix + "a", source, ObjectInfo.NoMetadata, Ct);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(Prefix + "a/b", source, ObjectInfo.NoMetadata, Ct));

        Assert.False(error.IsTransient);
        Assert.Contains($"object {Prefix}a is a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_LeavesOnlyTheObjectAndItsSidecar()
    {
        var store = Store();
        var key = Prefix + "day/events-2024-01-01.jsonl.zst";

        await store.PutAsync(key, await StoreFiles.RandomAsync(Scratch, 2000), new Dictionary<string, string> { ["rows"] = "5" }, Ct);

        var files = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(_root, path)).Order(StringComparer.Ordinal);
        Assert.Equal([key, key + ".meta.json"], files);
        Assert.Equal([key], await ListKeysAsync(store, ""));
    }

    [Fact]
    public async Task Head_FileReplacedBehindTheStoresBack_ReportsItsRealMd5AndNoStaleMetadata()
    {
        var store = Store();
        var key = Prefix + "replaced.csv";
        await store.PutAsync(key, await StoreFiles.RandomAsync(Scratch, 2000), new Dictionary<string, string> { ["rows"] = "5" }, Ct);
        var other = await StoreFiles.RandomAsync(Scratch, 2001);
        File.Copy(other.FilePath, Path.Combine(_root, key), overwrite: true);

        var head = await store.HeadAsync(key, Ct);

        Assert.NotNull(head);
        Assert.Equal(2001, head.Size);
        Assert.Equal(other.Md5Hex, head.ETag);
        Assert.Empty(head.Metadata);
    }

    // S3 refuses such a PUT through Content-MD5 (BadDigest, retried: see RgwObjectStoreContractTests); the directory
    // store compares the MD5 itself, and a file that changed under it will not change back, so it does not retry.
    [Fact]
    public async Task Put_SourceNotMatchingItsMd5_FailsPermanentlyAndStoresNothing()
    {
        var store = Store();
        var real = await StoreFiles.RandomAsync(Scratch, 4096);
        var lying = real with { Md5 = MD5.HashData("something else"u8) };
        var key = Prefix + "bad-digest";

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(key, lying, ObjectInfo.NoMetadata, Ct));

        Assert.False(error.IsTransient);
        Assert.Null(await store.HeadAsync(key, Ct));
    }
}
