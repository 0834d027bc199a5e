using System.Runtime.CompilerServices;

namespace DataArchiver.Core.PostgresTypes;

/// <summary>Room for one number per array dimension (PostgreSQL allows at most <see cref="PostgresArray.MaxDimensions"/>).</summary>
[InlineArray(PostgresArray.MaxDimensions)]
internal struct ArrayDimensions
{
    private int _first;
}
