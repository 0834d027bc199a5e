using System.Text.Json.Serialization;
using DataArchiver.Core.State;
using DataArchiver.Viewer.Sources;

namespace DataArchiver.Viewer.Api;

/// <summary>Source-generated JSON for what the viewer reads: state files and <c>current_task.json</c> (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StateDocument))]
[JsonSerializable(typeof(TaskFile))]
internal sealed partial class StateFileJson : JsonSerializerContext;
