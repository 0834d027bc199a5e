using System.Text.Json.Serialization;

namespace DataArchiver.Viewer.Api;

/// <summary>
/// Source-generated JSON for everything the viewer writes (camelCase, as the Go tool's API) — no reflection, so it
/// works in the native build.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(CacheResponse))]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(CacheMessage))]
internal sealed partial class ViewerJson : JsonSerializerContext;
