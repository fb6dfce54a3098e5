package dev.customs.cli.options;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.auth.Credentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How to reach registries. Credentials given here apply to the registry of the image the command
 * reads; without them, Docker's config ({@code ~/.docker/config.json}, credential helpers) is used.
 */
public final class RegistryFlags {
  @Option(names = {"-u", "--username"}, paramLabel = "USER", description = "Registry user name")
  String username;

  @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD",
      description = "Registry password or token (prefer --password-stdin; a flag is visible to other users)")
  String password;

  @Option(names = "--password-stdin", description = "Read the registry password from standard input")
  boolean passwordStdin;

  @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
      description = "Speak plain HTTP to this registry (repeatable). Loopback registries without TLS need no flag")
  List<String> insecureRegistries = new ArrayList<>();

  @Option(names = "--registry-ca", paramLabel = "HOST[:PORT]=PEM",
      description = "Trust the CA certificates in PEM for this registry (repeatable)")
  Map<String, Path> registryCas = new LinkedHashMap<>();

  @Option(names = "--docker-config", paramLabel = "DIR",
      description = "Directory holding Docker's config.json (default $DOCKER_CONFIG or ~/.docker)")
  Path dockerConfig;

  @Option(names = "--registry-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Seconds to wait for a registry response (default ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
      description = "Layers downloaded at the same time (default ${DEFAULT-VALUE})")
  int parallel;

  public int parallel() {
    return parallel;
  }

  /** The options for talking to registries; the credentials flags apply to {@code imageHost}. */
  public RegistryOptions toRegistryOptions(String imageHost) {
    if (password != null && passwordStdin) {
      throw new IllegalArgumentException("--password and --password-stdin cannot be combined");
    }
    if ((password != null || passwordStdin) && username == null) {
      throw new IllegalArgumentException("--password needs --username");
    }
    RegistryOptions options = RegistryOptions.defaults()
        .withTimeouts(Duration.ofSeconds(Math.min(30, timeoutSeconds)), Duration.ofSeconds(timeoutSeconds))
        .withMaxParallel(parallel);
    if (dockerConfig != null) {
      options = options.withDockerConfig(dockerConfig, List.of());
    }
    for (String host : insecureRegistries) {
      options = options.withInsecureHost(host);
    }
    for (Map.Entry<String, Path> ca : registryCas.entrySet()) {
      options = options.withCaFile(ca.getKey(), ca.getValue());
    }
    if (username != null) {
      options = options.withCredentials(imageHost, new Credentials(username, passwordStdin ? readStdin() : password));
    }
    return options;
  }

  private static String readStdin() {
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new IllegalArgumentException("--password-stdin: standard input is empty");
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the password from standard input", e);
    }
  }
}
