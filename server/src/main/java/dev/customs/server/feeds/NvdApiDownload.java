package dev.customs.server.feeds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.customs.core.vuln.feed.CacheValidators;
import dev.customs.core.vuln.feed.FeedDownloader;
import dev.customs.core.vuln.feed.FetchResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The NVD CVE API 2.0, which serves the CVE list in pages ({@code startIndex}, at most 2,000 per page)
 * and answers no conditional requests. A sync first asks whether any CVE changed since the last
 * complete download ({@code lastModStartDate}, one result): none answers as "not modified"; otherwise
 * every page is downloaded again into the staging directory ({@code page-000000.json}…), waiting
 * {@code pageDelay} between requests to stay within NVD's rate limit (shorter with an API key).
 */
final class NvdApiDownload {
  static final int PAGE_SIZE = 2000;
  /** NVD refuses lastModified ranges longer than this. */
  private static final Duration MAX_CHANGE_WINDOW = Duration.ofDays(120);
  private static final DateTimeFormatter NVD_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
      .withZone(ZoneOffset.UTC);
  private static final JsonFactory JSON = new JsonFactory();

  private final FeedDownloader downloader;
  private final Map<String, String> headers;
  private final Duration pageDelay;
  private final Clock clock;

  NvdApiDownload(FeedDownloader downloader, String apiKey, Duration pageDelay, Clock clock) {
    this.downloader = downloader;
    this.headers = apiKey == null || apiKey.isBlank() ? Map.of() : Map.of("apiKey", apiKey.strip());
    this.pageDelay = pageDelay;
    this.clock = clock;
  }

  /** Whether a URL is the NVD CVE API (any host: mirrors and tests serve the same path). */
  static boolean handles(URI uri) {
    return uri.getPath() != null && uri.getPath().endsWith("/rest/json/cves/2.0");
  }

  FetchResult fetch(URI api, Path staged, CacheValidators known) throws IOException {
    Instant start = clock.instant();
    Instant since = parse(known.lastModified());
    if (since != null && Duration.between(since, start).compareTo(MAX_CHANGE_WINDOW) < 0) {
      Path probe = staged.resolve("changes.json");
      downloader.fetch(with(api, "resultsPerPage=1&lastModStartDate=" + date(since) + "&lastModEndDate="
          + date(start)), probe, CacheValidators.NONE, headers);
      long changed = header(probe).total();
      Files.delete(probe);
      if (changed == 0) {
        return new FetchResult(304, known, 0, Map.of());
      }
      pause();
    }
    long bytes = 0;
    for (int index = 0, page = 0; ; page++) {
      Path file = staged.resolve(String.format("page-%06d.json", page));
      bytes += downloader.fetch(with(api, "resultsPerPage=" + PAGE_SIZE + "&startIndex=" + index), file,
          CacheValidators.NONE, headers).bytes();
      Header header = header(file);
      index += header.perPage();
      if (header.perPage() <= 0 || index >= header.total()) {
        break;
      }
      pause();
    }
    return new FetchResult(200, new CacheValidators(null, start.toString()), bytes, Map.of());
  }

  private void pause() throws IOException {
    try {
      Thread.sleep(pageDelay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("NVD download interrupted", e);
    }
  }

  private record Header(long total, int perPage) {}

  /** Reads {@code totalResults} and {@code resultsPerPage}, which NVD puts before the CVE list. */
  private static Header header(Path page) throws IOException {
    long total = -1;
    int perPage = -1;
    try (InputStream in = Files.newInputStream(page); JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("the NVD API answered something that is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME && (total < 0 || perPage < 0)) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "totalResults" -> total = p.getLongValue();
          case "resultsPerPage" -> perPage = p.getIntValue();
          default -> p.skipChildren();
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("the NVD API answered malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (total < 0 || perPage < 0) {
      throw new IOException("the NVD API answer has no totalResults/resultsPerPage: is the URL the CVE API 2.0?");
    }
    return new Header(total, perPage);
  }

  private static URI with(URI api, String query) {
    String existing = api.getRawQuery();
    String base = api.toString();
    int q = base.indexOf('?');
    return URI.create((q < 0 ? base : base.substring(0, q)) + "?" + (existing == null ? "" : existing + "&") + query);
  }

  private static String date(Instant instant) {
    return NVD_DATE.format(instant).replace("+", "%2B");
  }

  private static Instant parse(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
