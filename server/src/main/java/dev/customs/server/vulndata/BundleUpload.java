package dev.customs.server.vulndata;

import dev.customs.core.vuln.db.BundleChecksum;
import dev.customs.core.vuln.db.BundleException;
import dev.customs.core.vuln.db.BundleMetadata;
import dev.customs.server.audit.AuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Installs a bundle sent to the server (the offline, air-gapped way to update vulnerability data).
 * The body is written to a file beside the installed bundle while it is hashed; only a body whose
 * checksum is the declared one is offered to {@link VulnerabilityData#install}, which checks it again
 * with SQLite's integrity check and the schema version. Whatever is refused leaves the loaded bundle
 * as it was; the temporary files are always removed.
 */
@Service
public class BundleUpload {
  private final VulnerabilityData data;
  private final AuditLog audit;
  private final TransactionOperations transactions;

  public BundleUpload(VulnerabilityData data, AuditLog audit, TransactionOperations transactions) {
    this.data = data;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** A refused upload; the message says what was wrong. */
  public static class RefusedUpload extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedUpload(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Reads the bundle from {@code body} and installs it.
   *
   * @param declaredSha256 the SHA-256 the uploader computed (hex; a {@code sha256sum} line is accepted)
   */
  public BundleMetadata install(InputStream body, String declaredSha256) throws RefusedUpload, IOException {
    String expected = checksumOf(declaredSha256);
    Path dir = data.path().toAbsolutePath().getParent().resolve("uploads");
    Files.createDirectories(dir);
    Path file = dir.resolve("upload-" + UUID.randomUUID() + ".db");
    Path sidecar = BundleChecksum.sidecarOf(file);
    try {
      String actual = copyHashing(body, file);
      if (Files.size(file) == 0) {
        throw new RefusedUpload("the request body is empty: send the bundle file as the body", null);
      }
      if (!actual.equals(expected)) {
        throw new RefusedUpload("checksum mismatch: the uploaded bytes have SHA-256 " + actual + " but the request"
            + " declared " + expected + "; the upload was damaged or is not the file meant", null);
      }
      Files.writeString(sidecar, actual + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
      BundleMetadata installed;
      try {
        installed = data.install(file);
      } catch (BundleException e) {
        throw new RefusedUpload("the bundle was refused: " + e.getMessage().replace(file.toString(), "the upload")
            .replace(dir.toString(), "the upload directory"), e);
      }
      transactions.executeWithoutResult(status -> audit.record("vulndb.upload", "vulndb", installed.sha256(),
          "built " + installed.builtAt() + ", " + installed.feeds().size() + " feeds"));
      return installed;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(sidecar);
    }
  }

  private static String checksumOf(String declared) throws RefusedUpload {
    String hex = declared == null ? "" : declared.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    if (hex.startsWith("sha256:")) {
      hex = hex.substring("sha256:".length());
    }
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new RefusedUpload("the bundle's SHA-256 is required: send it as the X-Checksum-Sha256 header or the"
          + " sha256 parameter (64 hex digits, the first word of customs.db.sha256), got '"
          + (declared == null ? "" : declared.strip()) + "'", null);
    }
    return hex;
  }

  private static String copyHashing(InputStream body, Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
      body.transferTo(out);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
