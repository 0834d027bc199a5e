namespace DataArchiver.Core.Loading;

/// <summary>One object's load: rows go in through <see cref="IRowSink"/>; commit makes them visible, disposing without it rolls back.</summary>
public interface ILoadSession : IRowSink, IAsyncDisposable
{
    /// <summary>
    /// Ends the COPY and commits, together with the ledger row that records <paramref name="objectMd5"/>, but only if
    /// the rows loaded are exactly <paramref name="expectedRows"/>; otherwise rolls back and throws
    /// <see cref="InvalidDataException"/>. Called at most once.
    /// </summary>
    Task CommitAsync(long expectedRows, string objectMd5, CancellationToken cancellationToken);
}
