namespace DataArchiver.Core.Extraction;

/// <summary>Where one field of a row lies in the row's buffer; a negative length is SQL NULL.</summary>
public readonly record struct FieldSlice(int Offset, int Length)
{
    /// <summary>Whether the field is SQL NULL.</summary>
    public bool IsNull => Length < 0;
}
