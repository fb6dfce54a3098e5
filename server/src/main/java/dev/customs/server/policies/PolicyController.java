package dev.customs.server.policies;

import dev.customs.server.policies.dto.PolicyResponse;
import java.util.List;
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

/**
 * {@code /api/v1/policies}: the body of a create or replace is the policy document itself, YAML or
 * JSON, exactly as {@code customs scan --policy FILE} reads it. Administrators write, auditors read.
 */
@RestController
@RequestMapping("/api/v1/policies")
public class PolicyController {
  private final PolicyService policies;

  public PolicyController(PolicyService policies) {
    this.policies = policies;
  }

  @GetMapping
  public List<PolicyResponse> list() {
    return policies.list().stream().map(PolicyResponse::of).toList();
  }

  @GetMapping("/{id}")
  public PolicyResponse get(@PathVariable UUID id) {
    return PolicyResponse.of(policies.get(id));
  }

  /** Adds a policy (enabled unless {@code ?enabled=false}); 400 lists every problem of the document. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public PolicyResponse create(@RequestBody(required = false) String document,
      @RequestParam(defaultValue = "true") boolean enabled) {
    return PolicyResponse.of(policies.create(document, enabled, null));
  }

  @PutMapping("/{id}")
  public PolicyResponse replace(@PathVariable UUID id, @RequestBody(required = false) String document) {
    return PolicyResponse.of(policies.replace(id, document));
  }

  @PostMapping("/{id}/enable")
  public PolicyResponse enable(@PathVariable UUID id) {
    return PolicyResponse.of(policies.setEnabled(id, true));
  }

  @PostMapping("/{id}/disable")
  public PolicyResponse disable(@PathVariable UUID id) {
    return PolicyResponse.of(policies.setEnabled(id, false));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable UUID id) {
    policies.delete(id);
  }
}
