using System.CommandLine;
using DataArchiver.Cli.Configuration;
using DataArchiver.Cli.Viewer;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Cli.Commands;

/// <summary><c>data-archiver viewer</c>: binds its settings and serves the state directory through <see cref="ViewerJob"/>.</summary>
internal sealed class ViewerCommand
{
    private readonly SettingOptions _options = new(SettingKeys.ViewerCommand);
    private readonly CliContext _context;

    /// <summary>Creates the command; <paramref name="state"/> learns the token to hide.</summary>
    public ViewerCommand(CliContext context, RunState state)
    {
        _context = context;
        Command = new Command("viewer", "Serve a web view of the state directory: runs in progress and archived objects");
        _options.AddTo(Command);
        Command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (settings, stateDirectory) = Bind(parseResult);
            state.Secrets.Add(settings.Token);
            return await ViewerJob.RunAsync(settings, stateDirectory, _context, cancellationToken);
        });
    }

    /// <summary>The System.CommandLine command.</summary>
    public Command Command { get; }

    /// <summary>Binds the flags given explicitly, the environment and the config file.</summary>
    public (ViewerSettings Settings, string StateDirectory) Bind(ParseResult parseResult)
    {
        var reader = SettingsLoader.Load(_options.Explicit(parseResult), _context.Environment);
        var stateDirectory = reader.Text(SettingKeys.StateDir) ?? Defaults.StateDirectory(SettingsLoader.Home(_context.Environment));
        return (ViewerSettingsBinder.Bind(reader, enabled: true), stateDirectory);
    }
}
