using System.Security.Cryptography;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Formats;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Planning;
using DataArchiver.Core.PostgresTypes;
using DataArchiver.Core.Progress;
using DataArchiver.Core.Storage;

namespace DataArchiver.Tests.Pipeline;

/// <summary>An in-memory store for the pipeline's pure logic (the real stores have their own contract suite).</summary>
internal sealed class MemoryStore : IObjectStore
{
    public Dictionary<string, (byte[] Bytes, IReadOnlyDictionary<string, string> Metadata)> Objects { get; } = new(StringComparer.Ordinal);
    public int Puts { get; private set; }
    public int Heads { get; private set; }
    /// <summary>How many HEADs after the next put report 0 bytes, like a server that answers before its write is done.</summary>
    public int StaleHeadsAfterPut { get; set; }
    private int _staleHeads;
    public string Describe() => "memory";
    public Task CheckAccessAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        Heads++;
        if (_staleHeads > 0 && Objects.ContainsKey(key))
        {
            _staleHeads--;
            return Task.FromResult<ObjectInfo?>(new ObjectInfo(key, 0, Convert.ToHexStringLower(MD5.HashData([])), ObjectInfo.NoMetadata));
        }
        return Task.FromResult(Objects.TryGetValue(key, out var o)
            ? new ObjectInfo(key, o.Bytes.Length, Convert.ToHexStringLower(MD5.HashData(o.Bytes)), o.Metadata)
            : null);
    }

    public async Task<PutResult> PutAsync(string key, UploadSource source, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        Puts++;
        _staleHeads = StaleHeadsAfterPut;
        StaleHeadsAfterPut = 0;
        var bytes = await File.ReadAllBytesAsync(source.FilePath, cancellationToken);
        Objects[key] = (bytes, metadata);
        return new PutResult(Convert.ToHexStringLower(MD5.HashData(bytes)), []);
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => Task.FromResult<Stream>(new MemoryStream(Objects[key].Bytes));
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var key in Objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            yield return (await HeadAsync(key, cancellationToken))!;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Objects.Remove(key);
        return Task.CompletedTask;
    }
}

/// <summary>A reader that serves rows of one bigint column, counting how often the "database" was read.</summary>
internal sealed class FakeReader(params long[] ids) : IUnitReader
{
    private static readonly ColumnInfo Id = new("id", "bigint", 20, true);

    public int Exports { get; private set; }
    public Func<int, Exception?> FailOnAttempt { get; set; } = _ => null;

    public Task<IRowExport> OpenRowsAsync(WorkUnit unit, CancellationToken cancellationToken)
    {
        Exports++;
        return FailOnAttempt(Exports) is { } error ? Task.FromException<IRowExport>(error) : Task.FromResult<IRowExport>(new Rows(ids));
    }

    public Task<ITextExport> OpenCsvAsync(WorkUnit unit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the fake serves rows of fields only");

    public Task<long> CountAsync(WorkUnit unit, bool estimate, CancellationToken cancellationToken) => Task.FromResult((long)ids.Length);

    private sealed class Rows(long[] ids) : IRowExport
    {
        public IReadOnlyList<ExportColumn> Columns { get; } = [ExportColumn.Binary(Id, WireTypes.For(Id)!.Value)];

        public Task<long> PumpAsync(IRowWriter writer, Action<long> onRows, CancellationToken cancellationToken)
        {
            foreach (var id in ids)
            {
                // A bigint arrives in its binary form, as the reader sends it.
                var bytes = new byte[8];
                System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, id);
                writer.WriteRow(bytes, [new FieldSlice(0, bytes.Length)]);
            }
            onRows(ids.Length);
            return Task.FromResult((long)ids.Length);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>Records what the pipeline reports; safe for several workers at once.</summary>
internal sealed class RecordingProgress : IArchiveProgress
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _events = new();
    public List<string> Events => [.. _events];
    public void PlanReady(ArchivePlan plan) => _events.Enqueue("plan");
    public void UnitStarted(WorkUnit unit) => _events.Enqueue("start");
    public void StageChanged(WorkUnit unit, UnitStage stage) => _events.Enqueue("stage:" + stage);
    public void RowsExpected(WorkUnit unit, long rows, bool estimated) => _events.Enqueue("expected:" + rows);
    public void RowsDone(WorkUnit unit, long rows, long bytesOut) { }
    public void Retrying(WorkUnit unit, int attempt, TimeSpan delay, Exception cause) => _events.Enqueue($"retry:{attempt}:{cause.Message}");
    public void UnitFinished(UnitResult result) => _events.Enqueue("finish:" + result.Outcome);
    public void Debug(string message) { }
    public void Warning(string message) => _events.Enqueue("warn:" + message);
}

internal static class TestSettings
{
    /// <summary>Plans days of January 2024 of <c>public.t</c> into <c>a/t/…jsonl.zst</c>.</summary>
    public static PlanOptions Plan() => new()
    {
        Table = new RelationName("public", "t"),
        StartDate = new DateOnly(2024, 1, 1),
        EndDate = new DateOnly(2024, 1, 31),
        Naming = new ObjectNaming(PathTemplate.Parse("a/{table}"), OutputFormat.Jsonl, CompressionCodec.Zstd),
    };

    /// <summary>What an attempt needs: JSON lines with zstd, temp files in <paramref name="tempDir"/>.</summary>
    public static UnitProcessorOptions Processor(string tempDir, bool force = false) => new()
    {
        Encoding = new FormatOptions { Format = OutputFormat.Jsonl, Codec = CompressionCodec.Zstd, CompressionLevel = 3, ChunkSize = 1000 },
        TempDirectory = tempDir,
        Force = force,
    };

    public static WorkUnit Unit(string key = "a/t/t-2024-01-01.jsonl.zst") =>
        new(key, new Period(OutputDuration.Daily, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)), new RelationName("public", "t_20240101"));
}
