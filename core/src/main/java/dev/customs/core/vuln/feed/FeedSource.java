package dev.customs.core.vuln.feed;

import java.io.IOException;

/**
 * Where a feed is read from: a file, a directory walked recursively, a zip archive, or a download.
 * Documents come in a stable order (sorted by name) so that builds are reproducible.
 */
public interface FeedSource {
  /** The location as the user gave it: a path or URL. */
  String location();

  /**
   * Visits every document. A document that cannot be listed or opened is the visitor's problem to
   * report (it throws from {@link FeedDocument#open()}); failing to read the source as a whole throws.
   */
  void forEachDocument(DocumentVisitor visitor) throws IOException;

  /** Receives documents one by one. */
  @FunctionalInterface
  interface DocumentVisitor {
    void visit(FeedDocument document) throws IOException;
  }
}
