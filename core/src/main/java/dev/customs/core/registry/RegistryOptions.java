package dev.customs.core.registry;

import dev.customs.core.registry.auth.Credentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach registries. Start from {@link #defaults()} and change one thing at a time with the
 * {@code with…} methods, as a CLI does from its flags. Hosts are keyed as written in references,
 * with their port ({@code 127.0.0.1:5000}, {@code docker.io}).
 *
 * @param credentials explicit credentials per host; they win over the Docker config
 * @param insecureHosts hosts spoken to over plain HTTP (loopback hosts get it when they do not speak TLS)
 * @param caFiles a PEM file of extra trusted CA certificates per host
 * @param dockerConfigDir the directory holding {@code config.json} (Docker's {@code DOCKER_CONFIG})
 * @param credentialHelperDirs where to look for {@code docker-credential-*}; empty means the PATH
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a response's headers
 * @param maxAttempts attempts per request on 429, 5xx and connection errors (1 = no retry)
 * @param retryBaseDelay the first backoff delay; it doubles with each attempt
 * @param maxParallel the most blobs fetched at the same time
 * @param maxManifestBytes the largest manifest accepted
 */
public record RegistryOptions(
    Map<String, Credentials> credentials,
    Set<String> insecureHosts,
    Map<String, Path> caFiles,
    Path dockerConfigDir,
    List<Path> credentialHelperDirs,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration retryBaseDelay,
    int maxParallel,
    long maxManifestBytes) {

  public static final long DEFAULT_MAX_MANIFEST_BYTES = 4L << 20;

  public RegistryOptions {
    credentials = Map.copyOf(credentials);
    insecureHosts = Set.copyOf(insecureHosts);
    caFiles = Map.copyOf(caFiles);
    credentialHelperDirs = List.copyOf(credentialHelperDirs);
    if (maxAttempts < 1 || maxParallel < 1 || maxManifestBytes < 1) {
      throw new IllegalArgumentException("maxAttempts, maxParallel and maxManifestBytes must be positive");
    }
  }

  /** Docker's defaults: config from {@code $DOCKER_CONFIG} or {@code ~/.docker}, helpers on the PATH. */
  public static RegistryOptions defaults() {
    Path configDir = Optional.ofNullable(System.getenv("DOCKER_CONFIG")).filter(s -> !s.isBlank())
        .map(Path::of).orElse(Path.of(System.getProperty("user.home"), ".docker"));
    return new RegistryOptions(Map.of(), Set.of(), Map.of(), configDir, List.of(),
        Duration.ofSeconds(30), Duration.ofSeconds(60), 5, Duration.ofMillis(500), 4,
        DEFAULT_MAX_MANIFEST_BYTES);
  }

  public RegistryOptions withCredentials(String host, Credentials c) {
    Map<String, Credentials> m = new HashMap<>(credentials);
    m.put(RegistryHosts.canonical(host), c);
    return new RegistryOptions(m, insecureHosts, caFiles, dockerConfigDir, credentialHelperDirs,
        connectTimeout, readTimeout, maxAttempts, retryBaseDelay, maxParallel, maxManifestBytes);
  }

  public RegistryOptions withInsecureHost(String host) {
    Set<String> s = new HashSet<>(insecureHosts);
    s.add(RegistryHosts.canonical(host));
    return new RegistryOptions(credentials, s, caFiles, dockerConfigDir, credentialHelperDirs,
        connectTimeout, readTimeout, maxAttempts, retryBaseDelay, maxParallel, maxManifestBytes);
  }

  public RegistryOptions withCaFile(String host, Path pem) {
    Map<String, Path> m = new HashMap<>(caFiles);
    m.put(RegistryHosts.canonical(host), pem);
    return new RegistryOptions(credentials, insecureHosts, m, dockerConfigDir, credentialHelperDirs,
        connectTimeout, readTimeout, maxAttempts, retryBaseDelay, maxParallel, maxManifestBytes);
  }

  public RegistryOptions withDockerConfig(Path configDir, List<Path> helperDirs) {
    return new RegistryOptions(credentials, insecureHosts, caFiles, configDir, helperDirs,
        connectTimeout, readTimeout, maxAttempts, retryBaseDelay, maxParallel, maxManifestBytes);
  }

  public RegistryOptions withTimeouts(Duration connect, Duration read) {
    return new RegistryOptions(credentials, insecureHosts, caFiles, dockerConfigDir, credentialHelperDirs,
        connect, read, maxAttempts, retryBaseDelay, maxParallel, maxManifestBytes);
  }

  public RegistryOptions withRetries(int attempts, Duration baseDelay) {
    return new RegistryOptions(credentials, insecureHosts, caFiles, dockerConfigDir, credentialHelperDirs,
        connectTimeout, readTimeout, attempts, baseDelay, maxParallel, maxManifestBytes);
  }

  public RegistryOptions withMaxParallel(int parallel) {
    return new RegistryOptions(credentials, insecureHosts, caFiles, dockerConfigDir, credentialHelperDirs,
        connectTimeout, readTimeout, maxAttempts, retryBaseDelay, parallel, maxManifestBytes);
  }

  public RegistryOptions withMaxManifestBytes(long bytes) {
    return new RegistryOptions(credentials, insecureHosts, caFiles, dockerConfigDir, credentialHelperDirs,
        connectTimeout, readTimeout, maxAttempts, retryBaseDelay, maxParallel, bytes);
  }
}
