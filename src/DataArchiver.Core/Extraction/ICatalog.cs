using DataArchiver.Core.Planning;

namespace DataArchiver.Core.Extraction;

/// <summary>What the database says about the table to archive.</summary>
public interface ICatalog
{
    /// <summary>
    /// The leaf partitions below <paramref name="table"/> at any depth, or the table itself when it is not partitioned.
    /// Throws <see cref="SourceException"/> when the table does not exist.
    /// </summary>
    Task<IReadOnlyList<LeafPartition>> DiscoverLeavesAsync(RelationName table, CancellationToken cancellationToken);

    /// <summary>The <c>format_type</c> of <paramref name="column"/> in <paramref name="table"/>, or <c>null</c> when there is no such column.</summary>
    Task<string?> ColumnTypeAsync(RelationName table, string column, CancellationToken cancellationToken);
}
