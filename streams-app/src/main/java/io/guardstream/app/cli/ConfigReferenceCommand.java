package io.guardstream.app.cli;

import io.guardstream.app.config.AppConfig;
import picocli.CommandLine.Command;

/** {@code config-reference}: prints every setting of the app as a Markdown table. */
@Command(name = "config-reference", mixinStandardHelpOptions = true,
    description = "Print the configuration reference (settings, environment variables, defaults) as Markdown.")
public final class ConfigReferenceCommand implements Runnable {
  @Override
  public void run() {
    System.out.print(AppConfig.reference());
  }
}
