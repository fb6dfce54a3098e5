package dev.customs.server.registries;

import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.registries.dto.RegistryRequest;
import dev.customs.server.registries.dto.RegistryResponse;
import dev.customs.server.registries.dto.RegistryTestReport;
import dev.customs.server.registries.dto.RegistryTestRequest;
import jakarta.validation.Valid;
import java.util.Optional;
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

/** {@code /api/v1/registries}: read by administrators and auditors, changed by administrators. */
@RestController
@RequestMapping("/api/v1/registries")
public class RegistryController {
  private final RegistryService registries;
  private final RegistryConnectionTester tester;

  public RegistryController(RegistryService registries, RegistryConnectionTester tester) {
    this.registries = registries;
    this.tester = tester;
  }

  @GetMapping
  public Page<RegistryResponse> list(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return registries.list(PageRequest.of(page, size));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public RegistryResponse create(@Valid @RequestBody RegistryRequest request) {
    return registries.create(request);
  }

  @GetMapping("/{id}")
  public RegistryResponse get(@PathVariable UUID id) {
    return registries.get(id);
  }

  @PutMapping("/{id}")
  public RegistryResponse update(@PathVariable UUID id, @Valid @RequestBody RegistryRequest request) {
    return registries.update(id, request);
  }

  /** Checks the connection step by step; the report says which step failed and why (always 200). */
  @PostMapping("/{id}/test")
  public RegistryTestReport test(@PathVariable UUID id,
      @Valid @RequestBody(required = false) RegistryTestRequest request) {
    return tester.test(id, Optional.ofNullable(request).map(RegistryTestRequest::repository));
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable UUID id) {
    registries.delete(id);
  }
}
