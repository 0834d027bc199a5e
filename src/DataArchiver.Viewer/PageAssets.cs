using System.Reflection;

namespace DataArchiver.Viewer;

/// <summary>The page's files, embedded in the assembly: the viewer needs nothing from disk or the network.</summary>
internal static class PageAssets
{
    /// <summary>The files by URL path, with their content type.</summary>
    public static IReadOnlyDictionary<string, (byte[] Content, string ContentType)> Load()
    {
        var assembly = typeof(PageAssets).Assembly;
        return new Dictionary<string, (byte[], string)>(StringComparer.Ordinal)
        {
            ["/"] = (Read(assembly, "index.html"), "text/html; charset=utf-8"),
            ["/app.js"] = (Read(assembly, "app.js"), "text/javascript; charset=utf-8"),
            ["/app.css"] = (Read(assembly, "app.css"), "text/css; charset=utf-8"),
        };
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream("page/" + name)
            ?? throw new InvalidOperationException($"the viewer page file {name} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
