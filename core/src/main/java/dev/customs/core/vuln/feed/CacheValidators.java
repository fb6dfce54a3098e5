package dev.customs.core.vuln.feed;

/**
 * What an HTTP server said identifies the copy we have ({@code ETag}, {@code Last-Modified}), sent
 * back as {@code If-None-Match} / {@code If-Modified-Since} so an unchanged file is not sent again.
 *
 * @param etag the entity tag exactly as received (quotes included), or null
 * @param lastModified the {@code Last-Modified} date exactly as received, or null
 */
public record CacheValidators(String etag, String lastModified) {
  public static final CacheValidators NONE = new CacheValidators(null, null);

  public boolean isEmpty() {
    return etag == null && lastModified == null;
  }
}
