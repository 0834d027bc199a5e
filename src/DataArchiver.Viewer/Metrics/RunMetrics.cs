using Prometheus;

namespace DataArchiver.Viewer.Metrics;

/// <summary>
/// The Prometheus metrics of one viewer (its own registry, so several can live in one process): what the serving run
/// did (units by outcome, rows, bytes, retries, stage durations, progress) and what the state directory holds.
/// </summary>
internal sealed class RunMetrics
{
    private const string Prefix = "data_archiver_";

    /// <summary>Creates the metrics in a new registry.</summary>
    public RunMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        Units = factory.CreateCounter(Prefix + "units_total", "Units finished by this run, by outcome",
            new CounterConfiguration { LabelNames = ["outcome"] });
        Rows = factory.CreateCounter(Prefix + "rows_total", "Rows read by finished units of this run");
        BytesIn = factory.CreateCounter(Prefix + "bytes_in_total", "Bytes before compression of finished units of this run");
        BytesOut = factory.CreateCounter(Prefix + "bytes_out_total", "Bytes written (compressed) by finished units of this run");
        Retries = factory.CreateCounter(Prefix + "retries_total", "Attempts of this run that failed and were retried");
        Warnings = factory.CreateCounter(Prefix + "warnings_total", "Warnings of this run");
        StageSeconds = factory.CreateHistogram(Prefix + "stage_duration_seconds", "Time units spent in each stage",
            new HistogramConfiguration { LabelNames = ["stage"], Buckets = Histogram.ExponentialBuckets(0.01, 4, 9) });
        Planned = factory.CreateGauge(Prefix + "run_units_planned", "Units planned by this run");
        Done = factory.CreateGauge(Prefix + "run_units_done", "Units of this run finished, whatever their outcome");
        Active = factory.CreateGauge(Prefix + "run_units_active", "Units being processed now");
        Progress = factory.CreateGauge(Prefix + "run_progress_ratio", "Finished units of this run over planned units, 0 to 1");
        StartTime = factory.CreateGauge(Prefix + "run_start_time_seconds", "When this run started, Unix time");
        RowsInFlight = factory.CreateGauge(Prefix + "run_rows_in_progress", "Rows read so far by the units being processed");
        StoredObjects = factory.CreateGauge(Prefix + "state_objects", "Objects in the state directory, by table and state",
            new GaugeConfiguration { LabelNames = ["table", "state"] });
        StoredRows = factory.CreateGauge(Prefix + "state_rows", "Rows held by the stored objects, by table",
            new GaugeConfiguration { LabelNames = ["table"] });
        StoredBytes = factory.CreateGauge(Prefix + "state_bytes", "Bytes of the stored objects, by table",
            new GaugeConfiguration { LabelNames = ["table"] });
    }

    /// <summary>The registry the <c>/metrics</c> endpoint exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Units finished, by outcome.</summary>
    public Counter Units { get; }
    /// <summary>Rows of finished units.</summary>
    public Counter Rows { get; }
    /// <summary>Uncompressed bytes of finished units.</summary>
    public Counter BytesIn { get; }
    /// <summary>Compressed bytes of finished units.</summary>
    public Counter BytesOut { get; }
    /// <summary>Retries.</summary>
    public Counter Retries { get; }
    /// <summary>Warnings.</summary>
    public Counter Warnings { get; }
    /// <summary>Seconds per stage.</summary>
    public Histogram StageSeconds { get; }
    /// <summary>Units planned.</summary>
    public Gauge Planned { get; }
    /// <summary>Units finished.</summary>
    public Gauge Done { get; }
    /// <summary>Units in progress.</summary>
    public Gauge Active { get; }
    /// <summary>Done over planned.</summary>
    public Gauge Progress { get; }
    /// <summary>Run start, Unix seconds.</summary>
    public Gauge StartTime { get; }
    /// <summary>Rows read so far by active units.</summary>
    public Gauge RowsInFlight { get; }
    /// <summary>Objects in the state directory by table and state.</summary>
    public Gauge StoredObjects { get; }
    /// <summary>Rows of stored objects by table.</summary>
    public Gauge StoredRows { get; }
    /// <summary>Bytes of stored objects by table.</summary>
    public Gauge StoredBytes { get; }

    /// <summary>Writes every metric in the Prometheus text format to <paramref name="output"/>.</summary>
    public Task ExportAsync(Stream output, CancellationToken cancellationToken) =>
        Registry.CollectAndExportAsTextAsync(output, cancellationToken);
}
