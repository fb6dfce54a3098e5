package dev.customs.core.vuln.feed;

import java.util.Optional;

/**
 * How a conditional download went.
 *
 * @param status 200 (the file was written) or 304 (the copy we have is current; nothing was written)
 * @param validators what identifies the file now: the new ones after a 200, the ones sent after a 304
 * @param bytes bytes written (0 after a 304)
 * @param headers a few response headers callers may want (see {@link #header})
 */
public record FetchResult(int status, CacheValidators validators, long bytes, java.util.Map<String, String> headers) {
  public FetchResult {
    headers = java.util.Map.copyOf(headers);
  }

  public boolean notModified() {
    return status == 304;
  }

  /** A response header by lower-case name, when the server sent it. */
  public Optional<String> header(String lowerCaseName) {
    return Optional.ofNullable(headers.get(lowerCaseName));
  }
}
