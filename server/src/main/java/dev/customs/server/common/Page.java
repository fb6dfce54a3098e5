package dev.customs.server.common;

import java.util.List;

/** One page of a list endpoint: every list in the API answers with this shape. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
  }
}
