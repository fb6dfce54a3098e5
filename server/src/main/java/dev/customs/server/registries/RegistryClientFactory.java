package dev.customs.server.registries;

import dev.customs.core.registry.RegistryClient;
import dev.customs.core.registry.RegistryHosts;
import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.RegistryTls;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.server.common.CustomsProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.springframework.stereotype.Component;

/**
 * Builds core {@link RegistryClient}s from stored registry integrations: the integration's own
 * credentials, CA and transport only. The server's own Docker config is never consulted (it points
 * at a directory that does not exist), so one registry can never borrow another's credentials.
 */
@Component
public class RegistryClientFactory {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final RegistrySecrets secrets;
  private final Path workDir;

  public RegistryClientFactory(RegistrySecrets secrets, CustomsProperties properties) {
    this.secrets = secrets;
    this.workDir = properties.homeDir().resolve("tmp");
  }

  /** The registry as image references name it: {@code host[:port]}, Docker Hub as {@code docker.io}. */
  public static String host(Registry registry) {
    return RegistryHosts.canonical(URI.create(registry.url()).getRawAuthority());
  }

  /** A client for one registry; close it after use. */
  public RegistryClient open(Registry registry) throws IOException {
    String host = host(registry);
    RegistryOptions options = RegistryOptions.defaults()
        .withDockerConfig(workDir.resolve("no-docker-config"), List.of())
        .withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT)
        .withRetries(2, Duration.ofMillis(200));
    if (registry.url().startsWith("http://")) {
      options = options.withInsecureHost(host);
    }
    if (registry.authKind() != AuthKind.NONE) {
      options = options.withCredentials(host, credentials(registry));
    }
    if (registry.caPem() == null) {
      return RegistryClient.create(host, options);
    }
    Path ca = writeCa(registry);
    try {
      return RegistryClient.create(host, options.withCaFile(host, ca)); // reads the file while creating
    } finally {
      Files.deleteIfExists(ca);
    }
  }

  /** The JDK's CAs plus the registry's own CA, for probing TLS directly. */
  public SSLContext sslContext(Registry registry) throws IOException {
    if (registry.caPem() == null) {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IOException("no default TLS context in this JVM", e);
      }
    }
    Path ca = writeCa(registry);
    try {
      return RegistryTls.withExtraCa(ca);
    } finally {
      Files.deleteIfExists(ca);
    }
  }

  /** A token with a username is sent as that user's password (Harbor robots, GitLab, Docker Hub PATs). */
  private Credentials credentials(Registry registry) {
    String secret = secrets.openCredential(registry);
    if (registry.authKind() == AuthKind.TOKEN && registry.username() == null) {
      return Credentials.identityToken(secret);
    }
    return new Credentials(registry.username(), secret);
  }

  private Path writeCa(Registry registry) throws IOException {
    Files.createDirectories(workDir);
    Path ca = Files.createTempFile(workDir, "registry-ca-", ".pem");
    Files.writeString(ca, registry.caPem());
    return ca;
  }
}
