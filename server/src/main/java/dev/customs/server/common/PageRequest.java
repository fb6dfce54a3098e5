package dev.customs.server.common;

import java.util.List;

/**
 * {@code ?page=&size=} of a list endpoint: pages count from 0, sizes run from 1 to {@link #MAX_SIZE}.
 * Out-of-range values are refused rather than clamped so a client notices its mistake.
 */
public record PageRequest(int page, int size) {
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public PageRequest {
    if (page < 0) {
      throw new InvalidRequestException("page", "page must be 0 or more (pages count from 0), got " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException("size", "size must be between 1 and " + MAX_SIZE + ", got " + size);
    }
  }

  public static PageRequest of(Integer page, Integer size) {
    return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
  }

  public long offset() {
    return (long) page * size;
  }

  public <T> Page<T> page(List<T> items, long total) {
    return new Page<>(items, page, size, total);
  }
}
