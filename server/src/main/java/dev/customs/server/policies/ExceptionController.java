package dev.customs.server.policies;

import dev.customs.server.policies.dto.ExceptionRequest;
import dev.customs.server.policies.dto.ExceptionResponse;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/exceptions}: administrators write, auditors read. */
@RestController
@RequestMapping("/api/v1/exceptions")
public class ExceptionController {
  private final ExceptionService exceptions;

  public ExceptionController(ExceptionService exceptions) {
    this.exceptions = exceptions;
  }

  @GetMapping
  public List<ExceptionResponse> list() {
    return exceptions.list().stream().map(e -> ExceptionResponse.of(e, exceptions.today())).toList();
  }

  @GetMapping("/{id}")
  public ExceptionResponse get(@PathVariable UUID id) {
    return ExceptionResponse.of(exceptions.get(id), exceptions.today());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public ExceptionResponse create(@Valid @RequestBody ExceptionRequest request) {
    return ExceptionResponse.of(exceptions.create(request), exceptions.today());
  }

  @PutMapping("/{id}")
  public ExceptionResponse update(@PathVariable UUID id, @Valid @RequestBody ExceptionRequest request) {
    return ExceptionResponse.of(exceptions.update(id, request), exceptions.today());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable UUID id) {
    exceptions.delete(id);
  }
}
