package dev.customs.server.webhooks;

import dev.customs.core.registry.provider.WebhookReply;
import dev.customs.core.registry.provider.WebhookRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/registries/{id}/webhook}: where a registry sends its push and delete
 * notifications. Not behind Customs accounts (see the webhook chain in SecurityConfig): every
 * delivery is authenticated with the registry's webhook secret. OPTIONS is accepted too, for the
 * CloudEvents abuse-protection handshake (ACR through Event Grid).
 */
@RestController
public class WebhookController {
  private final WebhookReceiver receiver;

  public WebhookController(WebhookReceiver receiver) {
    this.receiver = receiver;
  }

  @RequestMapping(path = "/api/v1/registries/{id}/webhook", method = {RequestMethod.POST, RequestMethod.OPTIONS})
  public ResponseEntity<?> deliver(@PathVariable UUID id, HttpServletRequest http) throws IOException {
    WebhookReceiver.Outcome outcome = receiver.receive(id, request(http), http.getRemoteAddr());
    if (outcome.reply().isPresent()) {
      return reply(outcome.reply().get());
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(outcome.accepted());
  }

  /** The sender's handshake answer, exactly as the provider gave it. */
  private static ResponseEntity<String> reply(WebhookReply reply) {
    HttpHeaders headers = new HttpHeaders();
    reply.headers().forEach(headers::add);
    if (reply.contentType() != null) {
      headers.setContentType(MediaType.parseMediaType(reply.contentType()));
    }
    return ResponseEntity.status(reply.status()).headers(headers).body(reply.body().isEmpty() ? null : reply.body());
  }

  private static WebhookRequest request(HttpServletRequest http) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(http.getHeaderNames())) {
      headers.put(name, Collections.list(http.getHeaders(name)));
    }
    Map<String, String> query = new HashMap<>();
    http.getParameterMap().forEach((name, values) -> {
      if (values.length > 0) {
        query.put(name, values[0]);
      }
    });
    return new WebhookRequest(headers, query, http.getInputStream().readAllBytes());
  }
}
