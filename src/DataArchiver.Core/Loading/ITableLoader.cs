using DataArchiver.Core.Planning;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Loading;

/// <summary>
/// The database side of the restore direction (implemented in the PostgreSQL project): loads one object's rows into a
/// table in one transaction, with <c>COPY … FROM STDIN (FORMAT binary)</c>; the server routes rows to partitions.
/// </summary>
/// <remarks>
/// Sessions run with the same pinned settings as the archive direction, so no user object or default changes what is
/// loaded. Failures are classified by SqlState, never by message text.
/// </remarks>
public interface ITableLoader
{
    /// <summary>The columns of <paramref name="target"/> in table order, as a decoder needs them.</summary>
    Task<IReadOnlyList<ColumnInfo>> ColumnsAsync(RelationName target, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a transaction on <paramref name="target"/> and starts its COPY. Nothing is visible to others until
    /// <see cref="ILoadSession.CommitAsync"/>; disposing an uncommitted session rolls all of it back.
    /// </summary>
    Task<ILoadSession> BeginAsync(RelationName target, IReadOnlyList<ColumnInfo> columns, CancellationToken cancellationToken);
}
