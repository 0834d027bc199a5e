namespace DataArchiver.Core.Extraction;

/// <summary>An opened unit whose rows arrive as fields, each in the form its column says.</summary>
public interface IRowExport : IAsyncDisposable
{
    /// <summary>The unit's columns in table order, each with the form its fields take.</summary>
    IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>
    /// Runs the statement and writes every row into <paramref name="writer"/>, reporting the running row count to
    /// <paramref name="onRows"/> at least every chunk and once at the end; returns the number of rows. Called at most
    /// once. The writer is neither completed nor disposed here: after a failure its content is undefined.
    /// </summary>
    Task<long> PumpAsync(IRowWriter writer, Action<long> onRows, CancellationToken cancellationToken);
}
