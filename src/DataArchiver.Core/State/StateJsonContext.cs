using System.Text.Json.Serialization;

namespace DataArchiver.Core.State;

/// <summary>The state file's JSON layout, generated at build time (no reflection, so the native build can read and write it).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StateDocument))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
