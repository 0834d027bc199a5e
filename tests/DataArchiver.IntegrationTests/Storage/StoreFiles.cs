using System.Security.Cryptography;
using DataArchiver.Core.Storage;

namespace DataArchiver.IntegrationTests.Storage;

/// <summary>Random files to upload and helpers to read back what a store holds.</summary>
public static class StoreFiles
{
    /// <summary>Writes <paramref name="length"/> random bytes to a new file in <paramref name="directory"/> and describes it as an upload source.</summary>
    public static async Task<UploadSource> RandomAsync(string directory, long length)
    {
        var path = Path.Combine(directory, $"source-{Guid.NewGuid():N}.bin");
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[1 << 20];
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            for (var left = length; left > 0; left -= buffer.Length)
            {
                var count = (int)Math.Min(buffer.Length, left);
                Random.Shared.NextBytes(buffer.AsSpan(0, count));
                md5.AppendData(buffer, 0, count);
                await file.WriteAsync(buffer.AsMemory(0, count));
            }
        }
        return new UploadSource(path, length, md5.GetHashAndReset());
    }

    /// <summary>All bytes stored under <paramref name="key"/>.</summary>
    public static async Task<byte[]> ReadAllAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }

    /// <summary>Reads <paramref name="key"/> through the store's stream in small reads, hashing as it goes (nothing kept).</summary>
    public static async Task<(long Length, byte[] Md5)> HashStreamAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[81_920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            length += read;
        }
        return (length, md5.GetHashAndReset());
    }

    /// <summary>The MD5 of each <paramref name="partSize"/>-byte slice of the file, in order.</summary>
    public static byte[][] PartMd5s(string path, long partSize)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Chunk((int)partSize).Select(chunk => MD5.HashData(chunk)).ToArray();
    }
}
