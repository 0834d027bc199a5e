namespace DataArchiver.Core.Formats.Parquet;

/// <summary>Decodes one binary field into the fixed-length bytes Parquet stores.</summary>
internal delegate void FixedDecoder(ReadOnlySpan<byte> field, Span<byte> destination);
