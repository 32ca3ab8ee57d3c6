package io.guardstream.deploy;

import io.guardstream.app.cli.GuardstreamCli;
import picocli.CommandLine;

/** Entry point of the {@code ./guardstream} launcher: the app's CLI plus the local stack commands. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CommandLine cli = GuardstreamCli.commandLine()
        .addSubcommand(new StackCommand.Demo())
        .addSubcommand(new StackCommand.Local());
    System.exit(cli.execute(args));
  }
}
