package io.guardstream.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code guardstream} command: each capability is a subcommand. */
@Command(
    name = "guardstream",
    mixinStandardHelpOptions = true,
    versionProvider = GuardstreamCli.Version.class,
    description = "Streaming security monitor for AI applications.",
    subcommands = {
        CommandLine.HelpCommand.class,
        EvalCommand.class,
        RunCommand.class,
        RulesCommand.class,
        ConfigReferenceCommand.class,
        TrainCommand.class,
        ScoreSeriesCommand.class,
    })
public final class GuardstreamCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The command line with every subcommand of this module registered. */
  public static CommandLine commandLine() {
    return new CommandLine(new GuardstreamCli());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = GuardstreamCli.class.getPackage().getImplementationVersion();
      return new String[] {"guardstream " + (v == null ? "dev" : v)};
    }
  }
}
