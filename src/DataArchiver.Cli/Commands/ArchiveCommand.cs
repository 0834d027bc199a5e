using System.CommandLine;
using DataArchiver.Cli.Configuration;

namespace DataArchiver.Cli.Commands;

/// <summary><c>data-archiver archive</c>: binds its settings and hands over to <see cref="ArchiveJob"/>.</summary>
internal sealed class ArchiveCommand
{
    private readonly SettingOptions _options = new(SettingKeys.Archive);
    private readonly CliContext _context;

    /// <summary>Creates the command; <paramref name="state"/> learns the bound settings' debug mode and secrets.</summary>
    public ArchiveCommand(CliContext context, RunState state)
    {
        _context = context;
        Command = new Command("archive", "Archive a date range of a partitioned table to S3 or a local directory");
        _options.AddTo(Command);
        Command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = Bind(parseResult);
            state.Debug = settings.Debug;
            state.LogFormat = settings.LogFormat;
            state.Secrets.Add(settings.Database.Password);
            state.Secrets.Add(settings.S3?.SecretKey);
            return await _context.RunArchive(settings, _context, cancellationToken);
        });
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>Binds flags given explicitly, the environment and the config file into validated settings.</summary>
    public ArchiveSettings Bind(ParseResult parseResult)
    {
        var reader = SettingsLoader.Load(_options.Explicit(parseResult), _context.Environment);
        return ArchiveSettingsBinder.Bind(reader, DateOnly.FromDateTime(_context.Time.GetUtcNow().UtcDateTime), SettingsLoader.Home(_context.Environment));
    }
}
