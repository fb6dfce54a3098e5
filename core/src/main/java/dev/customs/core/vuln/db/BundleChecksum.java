package dev.customs.core.vuln.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a bundle, kept in a {@code sha256sum}-style sidecar ({@code customs.db.sha256}:
 * {@code <hex>  customs.db}) so that {@code sha256sum -c} can check it too.
 */
public final class BundleChecksum {
  private BundleChecksum() {}

  public static Path sidecarOf(Path bundle) {
    return bundle.resolveSibling(bundle.getFileName() + ".sha256");
  }

  public static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The sidecar line for a bundle that will be called {@code fileName}. */
  static String sidecarLine(String sha256, String fileName) {
    return sha256 + "  " + fileName + "\n";
  }

  /** Checks a bundle against its sidecar and returns the checksum; refuses a missing or wrong one. */
  public static String verify(Path bundle) throws BundleException, IOException {
    Path sidecar = sidecarOf(bundle);
    if (!Files.isRegularFile(sidecar)) {
      throw new BundleException("no checksum file " + sidecar + " beside " + bundle
          + ": a bundle is only used together with its .sha256 file");
    }
    String line = Files.readString(sidecar, StandardCharsets.UTF_8).strip();
    String expected = line.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
    if (!expected.matches("[0-9a-f]{64}")) {
      throw new BundleException("checksum file " + sidecar + " does not hold a SHA-256: '" + line + "'");
    }
    String actual = sha256(bundle);
    if (!actual.equals(expected)) {
      throw new BundleException("checksum mismatch for " + bundle + ": the file's SHA-256 is " + actual + " but "
          + sidecar.getFileName() + " says " + expected + "; the file is damaged or not the one published,"
          + " refusing to use it");
    }
    return actual;
  }
}
