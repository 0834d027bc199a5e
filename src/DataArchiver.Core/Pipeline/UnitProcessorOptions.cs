using DataArchiver.Core.Formats;

namespace DataArchiver.Core.Pipeline;

/// <summary>What <see cref="UnitProcessor"/> needs to know of a run.</summary>
public sealed record UnitProcessorOptions
{
    /// <summary>How units are encoded: format, codec, level, chunk size.</summary>
    public required FormatOptions Encoding { get; init; }

    /// <summary>Where temp files are written before upload (an existing directory).</summary>
    public required string TempDirectory { get; init; }

    /// <summary>Archive again even what is already stored: no check of the state record or the stored object.</summary>
    public bool Force { get; init; }
}
