namespace DataArchiver.Core.Pipeline;

/// <summary>What the archive pipeline as a whole needs to know of a run (see <see cref="ArchivePipeline"/>).</summary>
public sealed record PipelineOptions
{
    /// <summary>What each attempt at a unit needs.</summary>
    public required UnitProcessorOptions Unit { get; init; }

    /// <summary>How failed units are retried.</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>Units processed at once.</summary>
    public int Workers { get; init; } = Configuration.Defaults.Workers;

    /// <summary>Do everything but upload and record.</summary>
    public bool DryRun { get; init; }

    /// <summary>Use planner estimates instead of exact row counts.</summary>
    public bool SkipCount { get; init; }
}
