package dev.customs.core.inventory.analyzer.rpm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * rpm ≥ 4.16's SQLite database ({@code rpmdb.sqlite}): table {@code Packages(hnum, blob)}.
 *
 * <p>SQLite reads databases from files only (sqlite-jdbc has no way to open a byte array), so the
 * bytes are written to a private temporary file, opened read-only and immutable (no journal, no
 * locks, nothing written beside it), and the file is deleted afterwards. SQLite itself reports a
 * corrupt file as an error rather than misbehaving, which is why it is safe on untrusted input.
 */
public final class RpmSqliteReader implements RpmDatabaseReader {
  @Override
  public List<byte[]> headerBlobs(byte[] database) throws RpmFormatException, IOException {
    Path file = Files.createTempFile("customs-rpmdb-", ".sqlite");
    try {
      Files.write(file, database);
      return readPackages(file);
    } finally {
      deleteQuietly(file);
    }
  }

  private static List<byte[]> readPackages(Path file) throws RpmFormatException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.OPEN_URI);
    String url = "jdbc:sqlite:file:" + file.toUri().getPath() + "?immutable=1";
    try (Connection db = config.createConnection(url);
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("SELECT blob FROM Packages ORDER BY hnum")) {
      List<byte[]> blobs = new ArrayList<>();
      while (rows.next()) {
        byte[] blob = rows.getBytes(1);
        if (blob != null) {
          blobs.add(blob);
        }
      }
      return blobs;
    } catch (SQLException e) {
      throw new RpmFormatException("not a readable rpm SQLite database: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temp file that cannot be deleted is left for the OS to clean; the scan result is unaffected.
      file.toFile().deleteOnExit();
    }
  }
}
