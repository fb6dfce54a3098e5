package dev.customs.core.inventory.analyzer.rpm;

import java.io.IOException;
import java.util.List;

/**
 * Reads one rpm database format (SQLite, Berkeley DB hash, NDB) far enough to hand out the stored
 * package header blobs; what is in a header is {@link RpmHeaderParser}'s business.
 */
public interface RpmDatabaseReader {
  /**
   * The header blobs of all packages in the database, in storage order.
   *
   * @param database the whole database file
   * @throws RpmFormatException when the file is not a readable database of this format
   * @throws IOException when the machine fails (a reader may need a temporary file)
   */
  List<byte[]> headerBlobs(byte[] database) throws RpmFormatException, IOException;
}
