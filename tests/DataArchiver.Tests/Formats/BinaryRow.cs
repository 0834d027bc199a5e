using DataArchiver.Core.Extraction;

namespace DataArchiver.Tests.Formats;

/// <summary>One row as the reader hands it to a writer: the fields back to back in one buffer, NULL as a negative length.</summary>
internal static class BinaryRow
{
    public static (byte[] Data, FieldSlice[] Fields) Of(params byte[]?[] fields)
    {
        var data = new byte[fields.Sum(f => f?.Length ?? 0)];
        var slices = new FieldSlice[fields.Length];
        var offset = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] is not { } field)
            {
                slices[i] = new FieldSlice(offset, -1);
                continue;
            }
            field.CopyTo(data, offset);
            slices[i] = new FieldSlice(offset, field.Length);
            offset += field.Length;
        }
        return (data, slices);
    }
}
