package dev.customs.core.vuln.feed;

import java.io.IOException;
import java.io.InputStream;

/**
 * One document of a feed: a file, a zip entry or a download.
 *
 * @param name where it came from, for messages: a path relative to the feed root, {@code zip!entry}
 */
public record FeedDocument(String name, Opener opener) {
  /** Opens the document's content, gzip already undone when the name ended in {@code .gz}. */
  public InputStream open() throws IOException {
    return opener.open();
  }

  /** The name without a trailing {@code .gz}, lower-cased: what importers test extensions on. */
  public String plainName() {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
  }

  /** Opens the content of a document. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }
}
