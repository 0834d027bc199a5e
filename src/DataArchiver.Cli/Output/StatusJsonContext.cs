using System.Text.Json.Serialization;

namespace DataArchiver.Cli.Output;

/// <summary>The status file's JSON layout, generated at build time (no reflection, so the native build can write it).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CurrentTask))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
