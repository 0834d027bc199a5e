using System.Security.Cryptography;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Storage;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Storage;

/// <summary>
/// What every <see cref="IObjectStore"/> promises, run against each implementation by a subclass. Each test works
/// under its own key prefix, so the suites can share one bucket and run in parallel.
/// </summary>
public abstract class ObjectStoreContract : IAsyncLifetime
{
    protected const long MiB = 1024 * 1024;
    protected const long DefaultThreshold = 100 * MiB;

    private readonly List<IObjectStore> _stores = [];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));

    protected ObjectStoreContract()
    {
        Scratch = Directory.CreateTempSubdirectory("da-store-test-").FullName;
        Prefix = TestServices.UniqueName("contract") + "/";
    }

    /// <summary>A directory of this test's own for source files.</summary>
    protected string Scratch { get; }

    /// <summary>The key prefix unique to this test.</summary>
    protected string Prefix { get; }

    /// <summary>Bounds every store call, so a hang fails the test instead of the run.</summary>
    protected CancellationToken Ct => _timeout.Token;

    /// <summary>Whether files at or above the multipart threshold are sent in parts (and <see cref="PutResult.PartMd5s"/> is filled).</summary>
    protected abstract bool UploadsInParts { get; }

    /// <summary>A working store of the implementation under test.</summary>
    protected abstract IObjectStore NewStore(long multipartThreshold, long? partSize);

    /// <summary>A store whose destination cannot be used at all.</summary>
    protected abstract IObjectStore NewUnusableStore();

    protected IObjectStore Store(long multipartThreshold = DefaultThreshold, long? partSize = null) => Track(NewStore(multipartThreshold, partSize));

    protected IObjectStore Track(IObjectStore store)
    {
        _stores.Add(store);
        return store;
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        var store = Track(NewStore(DefaultThreshold, null));
        try
        {
            await foreach (var item in store.ListAsync(Prefix, CancellationToken.None))
                await store.DeleteAsync(item.Key, CancellationToken.None);
        }
        finally
        {
            foreach (var created in _stores)
                (created as IDisposable)?.Dispose();
            Directory.Delete(Scratch, recursive: true);
            _timeout.Dispose();
        }
    }

    [Fact]
    public async Task CheckAccess_UsableDestination_Succeeds() =>
        await Store().CheckAccessAsync(Ct);

    [Fact]
    public async Task CheckAccess_UnusableDestination_ThrowsAccessProblem()
    {
        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => Track(NewUnusableStore()).CheckAccessAsync(Ct));

        Assert.True(error.IsAccessProblem);
    }

    [Fact]
    public async Task Put_ThenHeadAndOpen_ReturnsTheSameBytes()
    {
        var store = Store();
        var source = await StoreFiles.RandomAsync(Scratch, 3 * MiB + 17);
        var key = Prefix + "dir/object.jsonl.zst";

        var put = await store.PutAsync(key, source, ObjectInfo.NoMetadata, Ct);
        var head = await store.HeadAsync(key, Ct);
        var stored = await StoreFiles.ReadAllAsync(store, key, Ct);

        Assert.False(put.IsMultipart);
        Assert.True(ETagCheck.Matches(put.ETag, source.Md5), $"PUT answered ETag {put.ETag}");
        Assert.NotNull(head);
        Assert.Equal(key, head.Key);
        Assert.Equal(source.Length, head.Size);
        Assert.True(ETagCheck.Matches(head.ETag, source.Md5), $"HEAD answered ETag {head.ETag}");
        Assert.Equal(source.Md5, MD5.HashData(stored));
        Assert.Equal(await File.ReadAllBytesAsync(source.FilePath), stored);
    }

    [Fact]
    public async Task Put_WithMetadata_HeadReturnsItWithLowerCaseKeys()
    {
        var store = Store();
        var source = await StoreFiles.RandomAsync(Scratch, 1000);
        var key = Prefix + "with-metadata.csv.gz";
        var metadata = new Dictionary<string, string>
        {
            ["md5"] = source.Md5Hex,
            ["rows"] = "123456",
            ["source"] = "public.events_2024_01",
            ["schema-hash"] = "0123456789abcdef",
            ["Tool"] = "data-archiver/0.1.0",
        };

        await store.PutAsync(key, source, metadata, Ct);
        var head = await store.HeadAsync(key, Ct);

        Assert.NotNull(head);
        var expected = metadata.ToDictionary(pair => pair.Key.ToLowerInvariant(), pair => pair.Value);
        Assert.Equal(expected.OrderBy(pair => pair.Key, StringComparer.Ordinal), head.Metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Head_MissingObject_ReturnsNull() =>
        Assert.Null(await Store().HeadAsync(Prefix + "never-written", Ct));

    [Fact]
    public async Task Delete_MissingObject_DoesNotThrow() =>
        await Store().DeleteAsync(Prefix + "never-written", Ct);

    [Fact]
    public async Task Delete_ExistingObject_RemovesIt()
    {
        var store = Store();
        var key = Prefix + "to-delete";
        await store.PutAsync(key, await StoreFiles.RandomAsync(Scratch, 10), ObjectInfo.NoMetadata, Ct);

        await store.DeleteAsync(key, Ct);

        Assert.Null(await store.HeadAsync(key, Ct));
        Assert.Empty(await ListKeysAsync(store, Prefix));
    }

    [Fact]
    public async Task List_ByPrefix_ReturnsMatchingObjectsInKeyOrder()
    {
        var store = Store();
        string[] names = ["b/2.jsonl", "a/1.jsonl", "ab.jsonl", "a/0.jsonl", "c.jsonl", "a/deeper/x.jsonl"];
        foreach (var (name, index) in names.Select((name, index) => (name, index)))
            await store.PutAsync(Prefix + name, await StoreFiles.RandomAsync(Scratch, 100 + index), ObjectInfo.NoMetadata, Ct);

        var underA = new List<ObjectInfo>();
        await foreach (var item in store.ListAsync(Prefix + "a", Ct))
            underA.Add(item);
        var all = await ListKeysAsync(store, Prefix);

        Assert.Equal(["a/0.jsonl", "a/1.jsonl", "a/deeper/x.jsonl", "ab.jsonl"], underA.Select(item => item.Key[Prefix.Length..]));
        Assert.Equal([103L, 101L, 105L, 102L], underA.Select(item => item.Size));
        Assert.Equal(names.Order(StringComparer.Ordinal).Select(name => Prefix + name), all);
        Assert.Empty(await ListKeysAsync(store, Prefix + "zzz"));
    }

    [Fact]
    public async Task Put_ExistingKey_ReplacesBytesAndMetadata()
    {
        var store = Store();
        var key = Prefix + "overwritten";
        await store.PutAsync(key, await StoreFiles.RandomAsync(Scratch, 5000), new Dictionary<string, string> { ["rows"] = "1", ["old"] = "yes" }, Ct);
        var second = await StoreFiles.RandomAsync(Scratch, 3000);

        await store.PutAsync(key, second, new Dictionary<string, string> { ["rows"] = "2" }, Ct);
        var head = await store.HeadAsync(key, Ct);

        Assert.NotNull(head);
        Assert.Equal(3000, head.Size);
        Assert.True(ETagCheck.Matches(head.ETag, second.Md5));
        Assert.Equal(new Dictionary<string, string> { ["rows"] = "2" }, head.Metadata);
        Assert.Equal(await File.ReadAllBytesAsync(second.FilePath), await StoreFiles.ReadAllAsync(store, key, Ct));
        Assert.Equal([key], await ListKeysAsync(store, Prefix));
    }

    [Fact]
    public async Task Put_AboveMultipartThreshold_RoundTripsAndETagVerifies()
    {
        var partSize = 5 * MiB;
        var store = Store(multipartThreshold: 5 * MiB, partSize: partSize);
        var source = await StoreFiles.RandomAsync(Scratch, 12 * MiB + 12345);
        var key = Prefix + "multipart.parquet";

        var put = await store.PutAsync(key, source, new Dictionary<string, string> { ["rows"] = "7" }, Ct);
        var head = await store.HeadAsync(key, Ct);
        var stored = await StoreFiles.ReadAllAsync(store, key, Ct);

        Assert.Equal(UploadsInParts, put.IsMultipart);
        if (UploadsInParts)
            Assert.Equal(StoreFiles.PartMd5s(source.FilePath, partSize), put.PartMd5s);
        Assert.NotNull(head);
        Assert.Equal(source.Length, head.Size);
        Assert.True(ETagCheck.Matches(head.ETag, source.Md5, put.PartMd5s), $"HEAD answered ETag {head.ETag}");
        Assert.Equal("7", head.Metadata["rows"]);
        Assert.Equal(source.Md5, MD5.HashData(stored));
        Assert.Equal(await File.ReadAllBytesAsync(source.FilePath), stored);
    }

    [Fact]
    public async Task Put_TwentyMillionBytesInOneRequest_StoresExactlyThoseBytes()
    {
        var store = Store();
        var source = await StoreFiles.RandomAsync(Scratch, 20_000_000);
        var key = Prefix + "twenty-million.bin";

        var put = await store.PutAsync(key, source, ObjectInfo.NoMetadata, Ct);
        var head = await store.HeadAsync(key, Ct);
        var stored = await StoreFiles.ReadAllAsync(store, key, Ct);

        Assert.False(put.IsMultipart);
        Assert.Equal(20_000_000, head?.Size);
        Assert.Equal(20_000_000, stored.Length);
        Assert.Equal(source.Md5, MD5.HashData(stored));
    }

    [Fact]
    public async Task OpenRead_MissingObject_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => Store().OpenReadAsync(Prefix + "never-written", Ct));

        Assert.True(error.IsNotFound, error.Message);
        Assert.False(error.IsTransient);
        Assert.False(error.IsAccessProblem);
    }

    [Fact]
    public async Task OpenRead_LargeObject_StreamsExactlyTheStoredBytes()
    {
        var store = Store();
        var source = await StoreFiles.RandomAsync(Scratch, 24 * MiB + 3);
        var key = Prefix + "large-read.bin";
        await store.PutAsync(key, source, ObjectInfo.NoMetadata, Ct);

        var (length, md5) = await StoreFiles.HashStreamAsync(store, key, Ct);

        Assert.Equal(source.Length, length);
        Assert.Equal(source.Md5Hex, Convert.ToHexStringLower(md5));
    }

    [Fact]
    public async Task Put_AlreadyCancelled_ThrowsCancellationAndStoresNothing()
    {
        var store = Store();
        var source = await StoreFiles.RandomAsync(Scratch, 4096);
        var key = Prefix + "cancelled";

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutAsync(key, source, ObjectInfo.NoMetadata, new CancellationToken(canceled: true)));

        Assert.Null(await store.HeadAsync(key, Ct));
    }

    protected async Task<List<string>> ListKeysAsync(IObjectStore store, string prefix)
    {
        var keys = new List<string>();
        await foreach (var item in store.ListAsync(prefix, Ct))
            keys.Add(item.Key);
        return keys;
    }
}
