using System.Text.Json.Serialization;

namespace DataArchiver.Storage.Local;

/// <summary>The sidecar's JSON layout, generated at build time (no reflection, so the native build can read and write it).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(LocalSidecar))]
internal sealed partial class LocalJsonContext : JsonSerializerContext;
