package dev.customs.core.registry;

import dev.customs.core.image.Digest;
import dev.customs.core.registry.auth.CredentialSource;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.core.registry.auth.DockerConfigCredentials;
import dev.customs.core.registry.auth.RegistryAuthenticator;
import dev.customs.core.registry.auth.TokenFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The OCI Distribution API of one registry. Each action is its own class; this is the front door
 * that wires them to one {@link RegistryEndpointCaller} (auth, retries, TLS) per registry.
 */
public final class RegistryClient implements AutoCloseable {
  /** Page size for tag and repository lists when the caller names none. */
  public static final int DEFAULT_PAGE_SIZE = 1000;

  private final String registry;
  private final HttpClient http;
  private final ScheduledExecutorService timer;
  private final ManifestFetcher manifests;
  private final BlobFetcher blobs;
  private final TagLister tags;
  private final CatalogLister catalog;
  private final BlobUploader uploads;
  private final ManifestPusher manifestPushes;

  private RegistryClient(String registry, RegistryOptions options, HttpClient http, RegistryEndpointCaller caller) {
    this.registry = registry;
    this.http = http;
    this.timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("registry-read-timeout").factory());
    this.manifests = new ManifestFetcher(caller, registry, options.maxManifestBytes());
    this.blobs = new BlobFetcher(caller, registry, options.readTimeout(), timer);
    this.tags = new TagLister(caller, registry);
    this.catalog = new CatalogLister(caller, registry);
    this.uploads = new BlobUploader(caller, registry);
    this.manifestPushes = new ManifestPusher(caller, registry);
  }

  /** @param registry the host as references write it, e.g. {@code docker.io} or {@code 127.0.0.1:5000} */
  public static RegistryClient create(String registry, RegistryOptions options) throws IOException {
    String host = RegistryHosts.canonical(registry);
    HttpClient.Builder builder = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER) // redirects are followed by hand, without credentials
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(options.connectTimeout());
    Path ca = options.caFiles().get(host);
    builder.sslContext(ca != null ? RegistryTls.withExtraCa(ca) : RegistryTls.lazyDefault());
    HttpClient http = builder.build();
    Clock clock = Clock.systemUTC();
    RegistryAuthenticator auth = new RegistryAuthenticator(host, credentials(host, options),
        new TokenFetcher(http, options.readTimeout(), clock), clock);
    String apiHost = RegistryHosts.apiHost(host);
    RegistryEndpointCaller caller = new RegistryEndpointCaller(apiHost, transport(host, apiHost, options), http, auth,
        new RetryPolicy(options.maxAttempts(), options.retryBaseDelay()), options.readTimeout(), clock);
    return new RegistryClient(host, options, http, caller);
  }

  private static RegistryEndpointCaller.Transport transport(String host, String apiHost, RegistryOptions options) {
    if (options.insecureHosts().contains(host)) {
      return RegistryEndpointCaller.Transport.HTTP;
    }
    return RegistryHosts.isLoopback(apiHost) ? RegistryEndpointCaller.Transport.PROBE : RegistryEndpointCaller.Transport.HTTPS;
  }

  /** Explicit credentials win; otherwise Docker's config.json, read only if the registry asks. */
  private static CredentialSource credentials(String host, RegistryOptions options) {
    Credentials explicit = options.credentials().get(host);
    if (explicit != null) {
      return CredentialSource.of(explicit);
    }
    return () -> DockerConfigCredentials.load(options.dockerConfigDir(), options.credentialHelperDirs()).find(host);
  }

  public String registry() {
    return registry;
  }

  /** A manifest or index by tag or digest ({@code sha256:…}). */
  public FetchedManifest fetchManifest(String repository, String reference) throws RegistryException {
    return manifests.fetch(repository, reference);
  }

  /** A blob as a stream that fails at its end unless digest and size match. */
  public InputStream openBlob(String repository, Digest digest, long size) throws RegistryException {
    return blobs.open(repository, digest, size);
  }

  /** A small blob (a config) read whole and verified; refuses blobs over {@code maxBytes}. */
  public byte[] readBlob(String repository, Digest digest, long size, long maxBytes) throws IOException {
    return blobs.readAll(repository, digest, size, maxBytes);
  }

  /**
   * Puts a blob into the repository unless it is there already. The registry checks the content
   * against {@code digest} and refuses a mismatch.
   *
   * @return true when it was sent, false when the repository had it
   */
  public boolean pushBlob(String repository, Digest digest, HttpRequest.BodyPublisher content)
      throws RegistryException {
    return uploads.upload(repository, digest, content);
  }

  /** Stores a manifest under a tag, after its blobs; returns the manifest's digest. */
  public Digest pushManifest(String repository, String tag, String mediaType, byte[] manifest)
      throws RegistryException {
    return manifestPushes.push(repository, tag, mediaType, manifest);
  }

  public List<String> listTags(String repository) throws RegistryException {
    return listTags(repository, DEFAULT_PAGE_SIZE);
  }

  public List<String> listTags(String repository, int pageSize) throws RegistryException {
    return tags.list(repository, pageSize);
  }

  public List<String> listRepositories() throws RegistryException {
    return listRepositories(DEFAULT_PAGE_SIZE);
  }

  public List<String> listRepositories(int pageSize) throws RegistryException {
    return catalog.list(pageSize);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    http.close();
  }
}
