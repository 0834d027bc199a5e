namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// Tests whose assertions are about time (an interrupt answered within two seconds, throughput) run in this
/// collection: xunit runs it on its own, after the parallel collections, so CPU-heavy tests cannot skew them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    /// <summary>The collection's name, for <c>[Collection(SerialCollection.Name)]</c>.</summary>
    public const string Name = "Serial (timing-sensitive)";
}
