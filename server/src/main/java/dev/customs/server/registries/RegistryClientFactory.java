package dev.customs.server.registries;

import dev.customs.core.image.Image;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import dev.customs.core.image.source.RegistryImageSource;
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
    return withCa(registry, options -> RegistryClient.create(host(registry), options));
  }

  /** Opens an image of this registry (manifest, config, streaming layers); close it after use. */
  public Image openImage(Registry registry, ImageRef reference, Platform platform) throws IOException {
    return withCa(registry, options -> new RegistryImageSource(options).open(reference, platform));
  }

  /** What core needs to open something of this registry. */
  @FunctionalInterface
  private interface Opener<T> {
    T open(RegistryOptions options) throws IOException;
  }

  /** The CA, if any, is a temporary file only while opening: core reads it when it builds its client. */
  private <T> T withCa(Registry registry, Opener<T> opener) throws IOException {
    RegistryOptions options = options(registry);
    if (registry.caPem() == null) {
      return opener.open(options);
    }
    Path ca = writeCa(registry);
    try {
      return opener.open(options.withCaFile(host(registry), ca));
    } finally {
      Files.deleteIfExists(ca);
    }
  }

  private RegistryOptions options(Registry registry) {
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
    return options;
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
