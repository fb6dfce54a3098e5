package dev.customs.core.registry.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the shared test data's {@code .http} files: exchanges separated by {@code ###}, each a
 * request line, headers, a blank line, a body, then the response's status line, headers and body.
 * Lines starting with {@code #} are notes.
 */
final class HttpExchangeFile {
  private HttpExchangeFile() {
  }

  /** A recorded request and the answer to replay for it. */
  record Exchange(String method, String target, Map<String, String> requestHeaders, String requestBody,
      int status, Map<String, String> responseHeaders, String responseBody) {
  }

  static List<Exchange> read(Path file) throws IOException {
    List<Exchange> exchanges = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("###")) {
        parse(block).ifPresent(exchanges::add);
        block.clear();
      } else if (!line.startsWith("#")) {
        block.add(line);
      }
    }
    parse(block).ifPresent(exchanges::add);
    return exchanges;
  }

  private static Optional<Exchange> parse(List<String> lines) {
    int i = 0;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    if (i == lines.size()) {
      return Optional.empty();
    }
    String[] requestLine = lines.get(i++).split(" ");
    Map<String, String> requestHeaders = new LinkedHashMap<>();
    i = headers(lines, i, requestHeaders);
    StringBuilder requestBody = new StringBuilder();
    while (i < lines.size() && !lines.get(i).startsWith("HTTP/1.1 ")) {
      requestBody.append(lines.get(i++)).append('\n');
    }
    if (i == lines.size()) {
      throw new IllegalArgumentException("an exchange without a response: " + String.join(" ", requestLine));
    }
    int status = Integer.parseInt(lines.get(i++).split(" ")[1]);
    Map<String, String> responseHeaders = new LinkedHashMap<>();
    i = headers(lines, i, responseHeaders);
    String responseBody = String.join("\n", lines.subList(i, lines.size())).strip();
    return Optional.of(new Exchange(requestLine[0], requestLine[1], requestHeaders,
        requestBody.toString().strip(), status, responseHeaders, responseBody));
  }

  /** Reads headers up to the blank line; lines without a colon (the docs' "...") are skipped. */
  private static int headers(List<String> lines, int start, Map<String, String> into) {
    int i = start;
    while (i < lines.size() && !lines.get(i).isBlank()) {
      String line = lines.get(i++);
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("HTTP/")) {
        into.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    return i < lines.size() ? i + 1 : i;
  }
}
