package dev.customs.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a paginated list endpoint ({@code tags/list}, {@code _catalog}) along its {@code Link}
 * headers and collects one string array field of every page.
 */
final class PagedLister {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAGE_BYTES = 16 << 20;

  private final RegistryEndpointCaller caller;

  PagedLister(RegistryEndpointCaller caller) {
    this.caller = caller;
  }

  List<String> list(String action, String object, String scope, String firstPage, String field) throws RegistryException {
    List<String> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Optional<String> page = Optional.of(firstPage);
    while (page.isPresent()) {
      if (!seen.add(page.get())) {
        throw new RegistryException(action, object, "the registry's Link header loops back to " + page.get());
      }
      HttpResponse<InputStream> response = caller.call(new RegistryRequest(action, object, scope, page.get(), List.of()));
      JsonNode body = read(action, object, response);
      JsonNode items = body.path(field);
      if (!items.isArray() && !items.isNull() && !items.isMissingNode()) {
        throw new RegistryException(action, object, "the answer's \"" + field + "\" is not a list");
      }
      items.forEach(item -> all.add(item.asText()));
      page = LinkHeader.next(response.headers().firstValue("Link"));
    }
    return List.copyOf(all);
  }

  private static JsonNode read(String action, String object, HttpResponse<InputStream> response) throws RegistryException {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_PAGE_BYTES + 1);
      if (bytes.length > MAX_PAGE_BYTES) {
        throw new RegistryException(action, object, "a page is over " + MAX_PAGE_BYTES + " bytes");
      }
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new RegistryException(action, object, "the answer is not a JSON object");
      }
      return node;
    } catch (RegistryException e) {
      throw e;
    } catch (IOException e) {
      throw new RegistryException(action, object, "unreadable answer: " + e.getMessage(), 0, e);
    }
  }
}
