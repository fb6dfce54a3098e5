package dev.customs.server.scanning;

import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.scanning.dto.ScanResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/scans}: the queue, readable by every role; cancelling is for administrators. */
@RestController
@RequestMapping("/api/v1/scans")
public class ScanController {
  private final ScanQueue queue;

  public ScanController(ScanQueue queue) {
    this.queue = queue;
  }

  @GetMapping
  public Page<ScanResponse> list(@RequestParam(required = false) String state,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Page<ScanJob> jobs = queue.list(state == null ? null : state(state), PageRequest.of(page, size));
    return new Page<>(jobs.items().stream().map(ScanResponse::of).toList(), jobs.page(), jobs.size(), jobs.total());
  }

  @GetMapping("/{id}")
  public ScanResponse get(@PathVariable UUID id) {
    return ScanResponse.of(queue.get(id));
  }

  /** Cancels one queued scan; running scans finish (409 says so). */
  @PostMapping("/{id}/cancel")
  public ScanResponse cancel(@PathVariable UUID id) {
    return ScanResponse.of(queue.cancel(id));
  }

  /** Cancels every queued scan, e.g. to stop a "rescan everything". */
  @PostMapping("/cancel-queued")
  public Map<String, Integer> cancelQueued() {
    return Map.of("cancelled", queue.cancelAllQueued());
  }

  private static ScanState state(String text) {
    try {
      return ScanState.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("state", "unknown scan state \"" + text
          + "\"; expected queued, running, succeeded, dead or cancelled");
    }
  }
}
