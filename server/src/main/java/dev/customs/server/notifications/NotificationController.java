package dev.customs.server.notifications;

import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.notifications.dto.DeliveryResponse;
import dev.customs.server.notifications.dto.SubscriptionRequest;
import dev.customs.server.notifications.dto.SubscriptionResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/notifications}: read by administrators and auditors, changed by administrators. */
@RestController
@RequestMapping("/api/v1/notifications")
public class NotificationController {
  private final SubscriptionService service;

  public NotificationController(SubscriptionService service) {
    this.service = service;
  }

  @GetMapping("/subscriptions")
  public Page<SubscriptionResponse> list(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return service.list(PageRequest.of(page, size));
  }

  @PostMapping("/subscriptions")
  @ResponseStatus(HttpStatus.CREATED)
  public SubscriptionResponse create(@Valid @RequestBody SubscriptionRequest request) {
    return service.create(request);
  }

  @GetMapping("/subscriptions/{id}")
  public SubscriptionResponse get(@PathVariable UUID id) {
    return service.get(id);
  }

  @PutMapping("/subscriptions/{id}")
  public SubscriptionResponse update(@PathVariable UUID id, @Valid @RequestBody SubscriptionRequest request) {
    return service.update(id, request);
  }

  @DeleteMapping("/subscriptions/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable UUID id) {
    service.delete(id);
  }

  /** Queues a test notification; follow it with {@code GET /deliveries?subscription=ID}. */
  @PostMapping("/subscriptions/{id}/test")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public DeliveryResponse test(@PathVariable UUID id) {
    return service.test(id);
  }

  @GetMapping("/deliveries")
  public Page<DeliveryResponse> deliveries(@RequestParam(required = false) String state,
      @RequestParam(name = "subscription", required = false) UUID subscriptionId,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    return service.deliveries(state == null ? null : DeliveryState.parse(state), subscriptionId, PageRequest.of(page, size));
  }

  @PostMapping("/deliveries/{id}/retry")
  public DeliveryResponse retry(@PathVariable UUID id) {
    return service.retry(id);
  }
}
