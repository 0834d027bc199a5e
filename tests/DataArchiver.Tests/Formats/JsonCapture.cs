using System.Text;
using DataArchiver.Core.Formats.Json;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

/// <summary>Runs a JSON encoder against a <see cref="JsonOutput"/> and returns what it wrote as text.</summary>
internal static class JsonCapture
{
    /// <summary>A small buffer by default, so long values cross buffer boundaries.</summary>
    public static string Of(Action<JsonOutput> write, int capacity = 16)
    {
        using var stream = new MemoryStream();
        var output = new JsonOutput(stream, capacity);
        write(output);
        output.Flush();
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Value(WireType type, byte[] field) => Of(output => JsonValueEncoder.Write(output, type, field));
}
