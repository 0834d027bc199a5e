using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DataArchiver.Cli.Configuration;

/// <summary>
/// Passes YAML parsing events through and remembers the line of the last one, so that a scanner failure that
/// carries no position of its own can still be reported near the line where reading stopped.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    /// <summary>The (1-based) line where the last event read ended; 1 before any.</summary>
    public long LastLine { get; private set; } = 1;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (moved && inner.Current is { } current)
            LastLine = current.End.Line;
        return moved;
    }
}
