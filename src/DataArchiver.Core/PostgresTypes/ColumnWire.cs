namespace DataArchiver.Core.PostgresTypes;

/// <summary>How a column read in binary is decoded: its wire type, or its element's for an array of any dimensions.</summary>
/// <param name="Type">The value type, or the element type when <paramref name="IsArray"/>.</param>
/// <param name="IsArray">Whether each field is a binary array (<c>array_send</c>) of <paramref name="Type"/>.</param>
/// <param name="Oid">The scalar OID, or for an array the element OID the binary array must declare.</param>
public readonly record struct ColumnWire(WireType Type, bool IsArray, uint Oid);
