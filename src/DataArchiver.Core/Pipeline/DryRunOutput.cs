using DataArchiver.Core.Planning;
using DataArchiver.Core.State;
using DataArchiver.Core.Storage;

namespace DataArchiver.Core.Pipeline;

/// <summary>The output of a dry run: nothing is uploaded and nothing recorded, so every unit that would be uploaded ends as "would archive".</summary>
public sealed class DryRunOutput : IUnitOutput
{
    /// <inheritdoc />
    public Task<ObjectInfo?> PublishAsync(WorkUnit unit, UploadSource source, IReadOnlyDictionary<string, string> metadata, long rows,
        AttemptHistory history, CancellationToken cancellationToken) => Task.FromResult<ObjectInfo?>(null);

    /// <inheritdoc />
    public void RecordStored(WorkUnit unit, UploadSource source, string? etag, long rows) { }

    /// <inheritdoc />
    public void RecordEmpty(WorkUnit unit) { }

    /// <inheritdoc />
    public void RecordFailure(WorkUnit unit, Exception error) { }

    /// <inheritdoc />
    public void ClearFailure(WorkUnit unit, ObjectRecord record) { }

    /// <inheritdoc />
    public void RecordCount(string source, long rows, DateTimeOffset countedAt) { }
}
