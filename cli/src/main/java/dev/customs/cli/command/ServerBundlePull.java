package dev.customs.cli.command;

import dev.customs.core.vuln.db.BundleChecksum;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleInstaller;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.core.vuln.feed.CacheValidators;
import dev.customs.core.vuln.feed.FeedDownloader;
import dev.customs.core.vuln.feed.FetchResult;
import dev.customs.core.vuln.feed.HttpStatusException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Downloads the bundle a Customs server matches with ({@code GET /api/v1/db/bundle}) and installs it.
 * The checksum of the bundle already installed is sent as {@code If-None-Match}, so an unchanged
 * bundle is not downloaded again. A download lands in a temporary file beside the target, is checked
 * against the checksum the server announced and then installed like {@code db import}; any failure
 * leaves the installed bundle as it was.
 */
final class ServerBundlePull {
  static final String CHECKSUM_HEADER = "x-checksum-sha256";
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

  private final URI bundleUri;
  private final String token;

  ServerBundlePull(String server, String token) {
    String base = server.endsWith("/") ? server : server + "/";
    if (!base.startsWith("http://") && !base.startsWith("https://")) {
      throw new IllegalArgumentException("--server must be an http(s) URL such as https://customs.example.com, not '"
          + server + "'");
    }
    this.bundleUri = URI.create(base).resolve("api/v1/db/bundle");
    this.token = token == null || token.isBlank() ? null : token.strip();
  }

  /** Installs the server's bundle at {@code target} unless it is there already; says what was done. */
  String pull(Path target) throws IOException, BundleException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path download = Files.createTempFile(dir, target.getFileName() + ".", ".download");
    Path sidecar = BundleChecksum.sidecarOf(download);
    try {
      FetchResult result = fetch(download, installedChecksum(target));
      if (result.notModified()) {
        return target + " is up to date with " + bundleUri.resolve("/") + " (sha256 "
            + result.validators().etag().replace("\"", "") + ")";
      }
      String announced = result.header(CHECKSUM_HEADER).map(s -> s.strip().toLowerCase(Locale.ROOT)).orElseThrow(
          () -> new BundleException(bundleUri + " sent no " + CHECKSUM_HEADER + " header: is this a Customs server?"));
      String actual = BundleChecksum.sha256(download);
      if (!actual.equals(announced)) {
        throw new BundleException("the download from " + bundleUri + " has SHA-256 " + actual + " but the server"
            + " announced " + announced + "; it was damaged on the way (or replaced meanwhile): run the pull again");
      }
      Files.writeString(sidecar, actual + "  " + download.getFileName() + "\n", StandardCharsets.UTF_8);
      BundleMetadata meta = BundleInstaller.install(download, target);
      return "installed the bundle of " + bundleUri.resolve("/") + " as " + target + " (built " + meta.builtAt()
          + ", sha256 " + meta.sha256() + ")";
    } finally {
      Files.deleteIfExists(download);
      Files.deleteIfExists(sidecar);
    }
  }

  private FetchResult fetch(Path download, CacheValidators known) throws IOException, BundleException {
    Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    try {
      return new FeedDownloader(STALL_TIMEOUT).fetch(bundleUri, download, known, headers);
    } catch (HttpStatusException e) {
      throw new BundleException(switch (e.status()) {
        case 401 -> bundleUri + " refused the credentials (HTTP 401): give a valid API token with --token or"
            + " CUSTOMS_TOKEN";
        case 403 -> bundleUri + " refused this token (HTTP 403): its role may not read the vulnerability database";
        case 404 -> bundleUri + " has no vulnerability database (HTTP 404): the server has none loaded yet, or"
            + " the URL is not a Customs server";
        default -> e.getMessage();
      }, e);
    }
  }

  /** The installed bundle's checksum as an entity tag, when it is there and matches its sidecar. */
  private static CacheValidators installedChecksum(Path target) {
    if (!Files.isRegularFile(target)) {
      return CacheValidators.NONE;
    }
    try {
      return new CacheValidators("\"" + BundleChecksum.verify(target) + "\"", null);
    } catch (IOException | BundleException e) {
      return CacheValidators.NONE; // damaged or unchecked: download it again
    }
  }
}
