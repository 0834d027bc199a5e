namespace DataArchiver.Core.Formats.Parquet;

/// <summary>Decodes one binary field into the value Parquet stores.</summary>
internal delegate T FieldDecoder<out T>(ReadOnlySpan<byte> field);
