package dev.customs.server.registries;

import dev.customs.core.image.Image;
import dev.customs.core.image.ImageRef;
import dev.customs.core.image.Platform;
import dev.customs.core.image.source.RegistryImageSource;
import dev.customs.core.registry.RegistryHosts;
import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.RegistryClient;
import dev.customs.core.registry.provider.ConnectionReport;
import dev.customs.core.registry.provider.EnumerationPolicy;
import dev.customs.core.registry.provider.EnumerationReport;
import dev.customs.core.registry.provider.EnumerationRun;
import dev.customs.core.registry.provider.RegistryClients;
import dev.customs.core.registry.provider.RegistryConnectionChecker;
import dev.customs.core.registry.provider.RegistryEnumerator;
import dev.customs.core.registry.provider.RegistryIntegration;
import dev.customs.core.registry.provider.RegistryProvider;
import dev.customs.core.registry.provider.RegistryProviders;
import dev.customs.server.common.CustomsProperties;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Opens stored registry integrations with core: the integration's own credentials (through its
 * provider's login, see {@link RegistryLogins}), CA and transport only. The server's own Docker
 * config is never consulted (it points at a directory that does not exist), so one registry can
 * never borrow another's credentials.
 */
@Component
public class RegistryClientFactory {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final RegistrySecrets secrets;
  private final RegistryLogins logins;
  private final Path workDir;

  public RegistryClientFactory(RegistrySecrets secrets, RegistryLogins logins, CustomsProperties properties) {
    this.secrets = secrets;
    this.logins = logins;
    this.workDir = properties.homeDir().resolve("tmp");
  }

  /** The registry as image references name it: {@code host[:port]}, Docker Hub as {@code docker.io}. */
  public static String host(Registry registry) {
    return RegistryHosts.canonical(URI.create(registry.url()).getRawAuthority());
  }

  /** The registry as core's providers take it, with its credential decrypted. */
  public RegistryIntegration integration(Registry registry) {
    String secret = registry.authKind() == AuthKind.NONE ? null : secrets.openCredential(registry);
    return new RegistryIntegration(registry.type().id(), registry.url(), registry.username(), secret,
        registry.options());
  }

  /** Opens an image of this registry (manifest, config, streaming layers); close it after use. */
  public Image openImage(Registry registry, ImageRef reference, Platform platform) throws IOException {
    RegistryIntegration integration = integration(registry);
    return withCa(registry, base -> new RegistryImageSource(
        RegistryClients.options(integration, logins.login(registry, integration, base), base))
        .open(reference, platform));
  }

  /** A Distribution API client logged in as the registry's provider says; close it after use. */
  public RegistryClient openClient(Registry registry) throws IOException {
    RegistryIntegration integration = integration(registry);
    return withCa(registry, base -> RegistryClients.open(integration, logins.login(registry, integration, base), base));
  }

  /** Lists the registry's repositories and tags the way its provider allows, as the policy filters them. */
  public EnumerationReport enumerate(Registry registry, EnumerationPolicy policy) throws IOException {
    RegistryIntegration integration = integration(registry);
    return withCa(registry, base -> {
      RegistryProvider provider = RegistryProviders.forType(integration.type());
      try (RegistryEnumerator enumerator = provider.enumerator(integration, base)) {
        return new EnumerationRun().run(enumerator, policy);
      }
    });
  }

  /** Core's step-by-step connection check; it logs in afresh, so a test never uses a cached login. */
  public ConnectionReport check(Registry registry, String sampleRepository) throws IOException {
    RegistryIntegration integration = integration(registry);
    return withCa(registry, base -> new RegistryConnectionChecker(base).run(integration, sampleRepository));
  }

  /** What core needs to open something of this registry. */
  @FunctionalInterface
  private interface Opener<T> {
    T open(RegistryOptions options) throws IOException;
  }

  /** The CA, if any, is a temporary file only while the work runs: core reads it when it connects. */
  private <T> T withCa(Registry registry, Opener<T> opener) throws IOException {
    RegistryOptions options = RegistryOptions.defaults()
        .withDockerConfig(workDir.resolve("no-docker-config"), List.of())
        .withTimeouts(CONNECT_TIMEOUT, READ_TIMEOUT)
        .withRetries(2, Duration.ofMillis(200));
    if (registry.caPem() == null) {
      return opener.open(options);
    }
    Files.createDirectories(workDir);
    Path ca = Files.createTempFile(workDir, "registry-ca-", ".pem");
    try {
      Files.writeString(ca, registry.caPem());
      return opener.open(options.withCaFile(host(registry), ca));
    } finally {
      Files.deleteIfExists(ca);
    }
  }
}
