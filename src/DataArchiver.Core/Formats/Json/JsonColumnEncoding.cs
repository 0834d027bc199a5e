namespace DataArchiver.Core.Formats.Json;

/// <summary>How one column's fields become JSON: the value type, or the element type of an array of any dimensions.</summary>
/// <param name="Type">The value type, or the element type when <paramref name="IsArray"/>.</param>
/// <param name="IsArray">Whether the field is a binary array whose elements are of <paramref name="Type"/>.</param>
/// <param name="ElementOid">For arrays, the element type the binary array must declare.</param>
internal readonly record struct JsonColumnEncoding(JsonValueType Type, bool IsArray, uint ElementOid)
{
    /// <summary>Whether the field arrives in its binary send format (anything but server-rendered JSON).</summary>
    public bool IsNative => Type != JsonValueType.ServerJson;
}
