package dev.customs.server.vulndata;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * The loaded bundle's file, opened for one download. The channel stays valid when a newer bundle is
 * renamed into place meanwhile (the open file is the old one), so a download is never a mix of two.
 *
 * @param sha256 the checksum of exactly this file
 */
public record BundleDownload(FileChannel file, String sha256, long size) implements AutoCloseable {
  @Override
  public void close() throws IOException {
    file.close();
  }
}
