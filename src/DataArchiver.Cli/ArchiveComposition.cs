using DataArchiver.Cli.Output;
using DataArchiver.Cli.Viewer;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.State;
using DataArchiver.Core.Storage;
using DataArchiver.Postgres;
using DataArchiver.Postgres.Extraction;
using DataArchiver.Viewer;

namespace DataArchiver.Cli;

/// <summary>
/// The composition root of <c>archive</c>: database, store, state, display and status files, each given its own
/// options taken from the settings; the unit pipeline itself (retry, dry run, workers) is put together by
/// <see cref="ArchivePipeline.Compose"/>.
/// </summary>
internal static class ArchiveComposition
{
    /// <summary>
    /// Runs an archive and returns its exit code. Failures before the units run (configuration, access) are thrown;
    /// an interruption at any point ends with the summary of what was done and <see cref="ExitCodes.Interrupted"/>.
    /// </summary>
    public static Task<int> RunAsync(ArchiveSettings settings, TextWriter output, TextWriter error, bool isTerminal,
        LastResortCleanup lastResort, TimeProvider clock, CancellationToken cancellationToken) =>
        RunAsync(settings, output, error, isTerminal, lastResort, clock, decorateStore: null, cancellationToken);

    /// <summary>
    /// Runs an archive with the store wrapped by <paramref name="decorateStore"/> (tests put faults between the pipeline
    /// and a real store this way).
    /// </summary>
    public static async Task<int> RunAsync(ArchiveSettings settings, TextWriter output, TextWriter error, bool isTerminal,
        LastResortCleanup lastResort, TimeProvider clock, Func<IObjectStore, IObjectStore>? decorateStore, CancellationToken cancellationToken)
    {
        var wall = clock.GetTimestamp();
        var live = isTerminal && settings.LogFormat == LogFormat.Text
            ? new LiveProgress(LiveProgress.CreateConsole(output), settings.Relation().ToString(), settings.Debug, clock)
            : null;
        IArchiveProgress display = live is not null ? live : new LogProgress(error, settings.LogFormat, settings.Debug, clock);
        using var status = new StatusFiles(settings.StateDirectory, settings.Relation(), settings.StartDate, settings.EndDate, clock, display.Warning);
        using var forcedExit = lastResort.Register(() =>
        {
            status.RemoveAtOnce();
            TempFiles.DeleteOwn(settings.TempDirectory);
            if (live is not null)
                LiveProgress.RestoreTerminal();
        });
        var viewerRun = settings.Viewer.Enabled ? new ViewerRun(settings.Relation().ToString(), settings.StartDate, settings.EndDate, clock) : null;
        var progress = viewerRun is null ? new CompositeProgress(display, status) : new CompositeProgress(display, status, viewerRun.Progress);
        foreach (var warning in settings.Viewer.Warnings)
            progress.Warning(warning);
        await using var viewer = await ViewerHost.StartAsync(settings.Viewer, settings.StateDirectory, viewerRun, clock, progress.Debug, cancellationToken);

        Directory.CreateDirectory(settings.TempDirectory);
        if (TempFiles.CleanStale(settings.TempDirectory) is > 0 and var removed)
            progress.Warning($"removed {removed} temp file(s) left by an earlier run that did not finish");

        await using var connector = new PostgresConnector(settings.Database);
        var created = ObjectStores.Create(settings.S3, settings.LocalDirectory, progress.Warning);
        var store = decorateStore?.Invoke(created) ?? created;
        RunSummary summary;
        try
        {
            Task<RunSummary> Run() => RunUnitsAsync(settings, connector, store, progress, clock, cancellationToken);
            summary = live is not null ? await live.RunAsync(Run) : await Run();
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while connecting or planning: nothing ran, and the summary says so.
            summary = new RunSummary([], TimeSpan.Zero, Interrupted: true);
        }
        finally
        {
            (created as IDisposable)?.Dispose();
        }
        summary = summary with { Elapsed = clock.GetElapsedTime(wall) };
        progress.Debug($"managed memory: {SummaryPrinter.Bytes(GC.GetTotalAllocatedBytes())} allocated in all, " +
                       $"{GC.CollectionCount(0)} gen0 / {GC.CollectionCount(2)} gen2 collections");
        SummaryPrinter.Print(summary, output);
        return summary.Interrupted ? ExitCodes.Interrupted : summary.AnyFailed ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>Checks the store, plans, and runs every unit with the configured workers.</summary>
    private static async Task<RunSummary> RunUnitsAsync(ArchiveSettings settings, PostgresConnector connector, IObjectStore store,
        IArchiveProgress progress, TimeProvider clock, CancellationToken cancellationToken)
    {
        progress.Debug($"database {connector.Describe()}; destination {store.Describe()}; {settings.Workers} worker(s)");
        var started = clock.GetTimestamp();
        await store.CheckAccessAsync(cancellationToken);
        progress.Debug($"store access checked in {clock.GetElapsedTime(started).TotalSeconds:F2} s");
        started = clock.GetTimestamp();
        var plan = await PlanAsync(settings.ToPlanOptions(), new PostgresCatalog(connector), cancellationToken);
        progress.Debug($"planned in {clock.GetElapsedTime(started).TotalSeconds:F2} s");

        var state = StateStore.Open(settings.StateDirectory, "archive", settings.Relation().ToString(), store.Describe(), clock, progress.Warning);
        progress.Debug($"state file {state.Path}");
        plan = WidenToStored(plan, state, progress);
        var reader = new PostgresUnitReader(connector, settings.ChunkSize, progress, clock);
        var runner = ArchivePipeline.Compose(settings.ToPipelineOptions(), reader, store, state, progress, clock);
        return await runner.RunAsync(plan, cancellationToken);
    }

    /// <summary>
    /// Lets windows keep the dates their objects already hold (see <see cref="WindowPlanner.WidenToStored"/>). When
    /// that makes a unit read dates outside the requested range, the operator is told.
    /// </summary>
    private static ArchivePlan WidenToStored(ArchivePlan plan, StateStore state, IArchiveProgress progress)
    {
        var widened = WindowPlanner.WidenToStored(plan, state.Get);
        foreach (var (asked, unit) in plan.Units.Zip(widened.Units).Where(pair => !ReferenceEquals(pair.First, pair.Second)))
        {
            var record = state.Get(unit.Key);
            var message = $"{unit.Key} holds rows of {record?.RowsFrom:yyyy-MM-dd HH:mm}..{record?.RowsTo:yyyy-MM-dd HH:mm}; " +
                          $"reading {unit.RowsFrom:yyyy-MM-dd HH:mm}..{unit.RowsTo:yyyy-MM-dd HH:mm} for it so none of them is dropped";
            var covered = record is not null && record.RowsFrom <= asked.RowsFrom && record.RowsTo >= asked.RowsTo;
            if (covered)
                progress.Debug(message);
            else
                progress.Warning(message);
        }
        return widened;
    }

    private static async Task<ArchivePlan> PlanAsync(PlanOptions options, ICatalog catalog, CancellationToken cancellationToken)
    {
        var leaves = await catalog.DiscoverLeavesAsync(options.Table, cancellationToken);
        if (options.DateColumn is not { } column)
            return ArchivePlanner.PlanPartitions(options, leaves);
        var type = WindowPlanner.ParseColumnType(column, await catalog.ColumnTypeAsync(options.Table, column, cancellationToken));
        return WindowPlanner.Plan(options, type);
    }
}
