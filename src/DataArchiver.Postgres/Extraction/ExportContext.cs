using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Postgres.Extraction;

/// <summary>What an export needs besides its session: the unit, how often to report rows, where debug lines go.</summary>
internal sealed record ExportContext(WorkUnit Unit, int ChunkSize, IArchiveProgress Progress);
