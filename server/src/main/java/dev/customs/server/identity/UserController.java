package dev.customs.server.identity;

import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.identity.dto.UserCreateRequest;
import dev.customs.server.identity.dto.UserResponse;
import dev.customs.server.identity.dto.UserUpdateRequest;
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

/** {@code /api/v1/users}: local accounts (administrators only). */
@RestController
@RequestMapping("/api/v1/users")
public class UserController {
  private final UserService users;

  public UserController(UserService users) {
    this.users = users;
  }

  @GetMapping
  public Page<UserResponse> list(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return users.list(PageRequest.of(page, size));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public UserResponse create(@Valid @RequestBody UserCreateRequest request) {
    return users.create(request);
  }

  @GetMapping("/{id}")
  public UserResponse get(@PathVariable UUID id) {
    return users.get(id);
  }

  @PutMapping("/{id}")
  public UserResponse update(@PathVariable UUID id, @Valid @RequestBody UserUpdateRequest request) {
    return users.update(id, request);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void delete(@PathVariable UUID id) {
    users.delete(id);
  }
}
