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
}
