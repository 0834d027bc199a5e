using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Core.Extraction;

/// <summary>An opened unit whose rows arrive as the server's CSV text (<c>COPY … (FORMAT csv, HEADER)</c>).</summary>
public interface ITextExport : IAsyncDisposable
{
    /// <summary>The unit's columns in table order.</summary>
    IReadOnlyList<ColumnInfo> Columns { get; }

    /// <summary>
    /// Runs the statement and writes all of its text, header line first, into <paramref name="writer"/>, reporting the
    /// running row count (without the header) to <paramref name="onRows"/> at least every chunk and once at the end;
    /// returns the number of rows. Called at most once; the writer is neither completed nor disposed here.
    /// </summary>
    Task<long> PumpAsync(ITextWriter writer, Action<long> onRows, CancellationToken cancellationToken);
}
