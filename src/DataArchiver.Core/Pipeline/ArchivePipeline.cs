using DataArchiver.Core.Extraction;
using DataArchiver.Core.Progress;
using DataArchiver.Core.State;
using DataArchiver.Core.Storage;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// The one place where the unit pipeline is put together: the stored-object check, the row counter, the output
/// (the store and state, or nothing in a dry run), one attempt, the retry wrapper around it and the worker pool.
/// </summary>
public static class ArchivePipeline
{
    /// <summary>The runner that carries each unit of a plan through <paramref name="reader"/> into <paramref name="store"/>.</summary>
    public static ArchiveRunner Compose(PipelineOptions options, IUnitReader reader, IObjectStore store, StateStore state,
        IArchiveProgress progress, TimeProvider clock)
    {
        var check = new StoredObjectCheck(store, state, progress);
        IUnitOutput output = options.DryRun ? new DryRunOutput() : new StoreOutput(store, state, check, progress, clock);
        var counter = new RowCounter(reader, state, output, progress, clock, estimate: options.SkipCount);
        var attempt = new UnitProcessor(options.Unit, reader, check, counter, output, progress, clock);
        var processor = new RetryingUnitProcessor(attempt, options.Retry, progress, clock);
        return new ArchiveRunner(processor, progress, options.Workers, clock);
    }
}
