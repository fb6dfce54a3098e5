package dev.customs.core.inventory.analyzer.java;

import dev.customs.core.inventory.analyzer.AnalysisSink;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads one archive file and, recursively, the archives inside it, all from memory. Nested
 * archives are named like Trivy does: {@code app/fat-app.jar/BOOT-INF/lib/snakeyaml-1.26.jar}.
 * One walker serves one {@code analyze} call.
 */
final class JavaArchiveWalker {
  private final AnalysisSink sink;
  private final ArchiveBudget budget = new ArchiveBudget();

  JavaArchiveWalker(AnalysisSink sink) {
    this.sink = sink;
  }

  void walk(String path, byte[] bytes, int depth) {
    try (ZipFile zip = open(bytes)) {
      JavaArchiveMetadata metadata = JavaArchiveMetadata.read(zip, budget, reason -> problem(path, reason));
      JavaArchiveIdentifier.identify(path, sha1(bytes), metadata).forEach(sink::addPackage);
      for (ZipArchiveEntry entry : metadata.nestedArchives()) {
        if (budget.exhausted()) {
          problem(path, "stopped reading nested archives: " + ArchiveBudget.EXHAUSTED);
          return;
        }
        walkNested(zip, path, entry, depth);
      }
    } catch (IOException e) {
      problem(path, "not a readable Java archive: " + e.getMessage());
    }
  }

  /** In-memory channel: central-directory reading (what the JVM itself trusts), no temp files. */
  private static ZipFile open(byte[] bytes) throws IOException {
    try {
      return ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
    } catch (RuntimeException e) {
      // commons-compress reports some corruptions (impossible offsets and sizes) unchecked.
      throw new IOException(e.toString(), e);
    }
  }

  private void walkNested(ZipFile zip, String parentPath, ZipArchiveEntry entry, int depth) {
    String path = parentPath + "/" + stripLeadingSlashes(entry.getName());
    if (depth + 1 > ArchiveBudget.MAX_DEPTH) {
      problem(path, "archive nested deeper than " + ArchiveBudget.MAX_DEPTH + " levels, not read");
      return;
    }
    if (!zip.canReadEntryData(entry)) {
      problem(path, "unsupported compression or encryption, not read");
      return;
    }
    byte[] nested;
    try {
      nested = budget.read(zip, entry, ArchiveBudget.MAX_NESTED_ARCHIVE_BYTES);
    } catch (IOException e) {
      problem(path, "cannot read nested archive: " + e.getMessage());
      return;
    }
    walk(path, nested, depth + 1);
  }

  private void problem(String path, String reason) {
    sink.problem(path + ": " + reason);
  }

  private static String stripLeadingSlashes(String name) {
    int start = 0;
    while (start < name.length() && name.charAt(start) == '/') {
      start++;
    }
    return name.substring(start);
  }

  private static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
