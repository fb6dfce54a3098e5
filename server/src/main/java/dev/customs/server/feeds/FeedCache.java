package dev.customs.server.feeds;

import dev.customs.core.vuln.db.FeedSpec;
import dev.customs.core.vuln.feed.CacheValidators;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The last good copy of each feed under the data directory ({@code feeds/<kind>-<hash of URL>/}):
 * {@code content/} holds the downloaded file(s), {@code validators.properties} the ETag and
 * Last-Modified they came with. A sync downloads into a staging directory beside it; only after the
 * bundle built from the staged copy is installed does the copy replace {@code content/}, so a feed
 * that turned out broken is downloaded again next time instead of being taken for current.
 */
final class FeedCache {
  private static final String CONTENT = "content";
  private static final String VALIDATORS = "validators.properties";

  private final Path root;

  FeedCache(Path root) {
    this.root = root;
  }

  /** The feed's directory. */
  Path entry(FeedSpec spec) {
    return root.resolve(spec.kind() + "-" + shortHash(spec.location()));
  }

  /** The last good copy of the feed, when there is one. */
  Optional<Path> content(FeedSpec spec) {
    Path content = entry(spec).resolve(CONTENT);
    return Files.isDirectory(content) ? Optional.of(content) : Optional.empty();
  }

  /** What identifies the last good copy; none when there is no copy (so the feed is downloaded). */
  CacheValidators validators(FeedSpec spec) {
    Path file = entry(spec).resolve(VALIDATORS);
    if (content(spec).isEmpty() || !Files.isRegularFile(file)) {
      return CacheValidators.NONE;
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      return CacheValidators.NONE;
    }
    return new CacheValidators(p.getProperty("etag"), p.getProperty("last-modified"));
  }

  /** A fresh, empty staging directory for a download of the feed. */
  Path stage(FeedSpec spec, String runId) throws IOException {
    Path staged = entry(spec).resolve("staged-" + runId);
    deleteTree(staged);
    return Files.createDirectories(staged);
  }

  /** Makes a staged download the feed's good copy, with the validators it came with. */
  void promote(FeedSpec spec, Path staged, CacheValidators validators) throws IOException {
    Path entry = entry(spec);
    Path content = entry.resolve(CONTENT);
    Path old = entry.resolve("old-" + staged.getFileName());
    if (Files.exists(content)) {
      Files.move(content, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staged, content, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
    Properties p = new Properties();
    p.setProperty("url", spec.location());
    if (validators.etag() != null) {
      p.setProperty("etag", validators.etag());
    }
    if (validators.lastModified() != null) {
      p.setProperty("last-modified", validators.lastModified());
    }
    Path temp = entry.resolve(VALIDATORS + ".tmp");
    try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      p.store(out, "validators of content/, sent as If-None-Match / If-Modified-Since");
    }
    Files.move(temp, entry.resolve(VALIDATORS), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String shortHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
