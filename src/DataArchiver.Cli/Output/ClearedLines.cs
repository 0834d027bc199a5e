using Spectre.Console.Rendering;

namespace DataArchiver.Cli.Output;

/// <summary>
/// A renderable whose every line ends by erasing the rest of the terminal line. Messages printed above the live
/// display are written over its previous frame; without the erase, a short message keeps the tail of the line it
/// replaced.
/// </summary>
internal sealed class ClearedLines(IRenderable inner) : IRenderable
{
    private static readonly Segment EraseToEndOfLine = Segment.Control("\u001b[K");

    public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        foreach (var line in Segment.SplitLines(inner.Render(options, maxWidth), maxWidth))
        {
            foreach (var segment in line)
                yield return segment;
            yield return EraseToEndOfLine;
            yield return Segment.LineBreak;
        }
    }
}
