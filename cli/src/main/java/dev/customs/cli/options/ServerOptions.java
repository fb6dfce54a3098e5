package dev.customs.cli.options;

import picocli.CommandLine.Option;

/** {@code customs scan --server URL --token T --register MODE}: let a Customs server judge the scan. */
public final class ServerOptions {
  @Option(names = "--server", paramLabel = "URL",
      description = "A Customs server judges the scan with its policies (POST /api/v1/scan-results): its verdict "
          + "decides the exit code, and --register decides whether it keeps the image.")
  public String server;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:CUSTOMS_TOKEN}",
      description = "API token for --server, role scanner or administrator (default: $CUSTOMS_TOKEN; prefer the "
          + "variable: a flag is visible to other users).")
  public String token;

  @Option(names = "--register", paramLabel = "MODE", defaultValue = "always",
      description = "With --server: always (the server keeps the image and this scan), compliant (only when it is "
          + "compliant) or never (judge only). Default: ${DEFAULT-VALUE}.")
  public String register;

  @Option(names = "--image-name", paramLabel = "REF",
      description = "With --server: the name the server knows the image by, e.g. registry.example.com/team/app:1.4 "
          + "(default: IMAGE, or the archive's tag; an OCI archive's ref name is not a full name).")
  public String imageName;

  public boolean connected() {
    return server != null && !server.isBlank();
  }

  /** A problem with the flags, or null. */
  public String problem() {
    if (!connected()) {
      return null;
    }
    if (!server.startsWith("http://") && !server.startsWith("https://")) {
      return "--server must be an http(s) URL such as https://customs.example.com, not '" + server + "'";
    }
    if (!java.util.List.of("always", "compliant", "never").contains(register)) {
      return "--register must be always, compliant or never, not '" + register + "'";
    }
    if (token == null || token.isBlank()) {
      return "--server needs an API token: set CUSTOMS_TOKEN (or --token)";
    }
    return null;
  }
}
