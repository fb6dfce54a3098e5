package dev.customs.server.identity;

import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.ConflictException;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.common.NotFoundException;
import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.identity.dto.UserCreateRequest;
import dev.customs.server.identity.dto.UserResponse;
import dev.customs.server.identity.dto.UserUpdateRequest;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local user accounts. Refuses changes that would leave the console without an enabled administrator. */
@Service
public class UserService {
  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final Clock clock;

  public UserService(UserRepository users, PasswordEncoder passwords, AuditLog audit, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public UserResponse create(UserCreateRequest request) {
    Role role = role(request.role());
    if (users.findByUsername(request.username()).isPresent()) {
      throw new ConflictException("A user named " + request.username() + " already exists; pick another name.");
    }
    UserAccount user = new UserAccount(UUID.randomUUID(), request.username(), passwords.encode(request.password()),
        role, true, clock.instant());
    users.insert(user);
    audit.record("user.create", "user", user.id(), "username=" + user.username() + " role=" + role);
    return UserResponse.of(user);
  }

  @Transactional(readOnly = true)
  public Page<UserResponse> list(PageRequest page) {
    return page.page(users.page(page).stream().map(UserResponse::of).toList(), users.count());
  }

  @Transactional(readOnly = true)
  public UserResponse get(UUID id) {
    return UserResponse.of(find(id));
  }

  @Transactional
  public UserResponse update(UUID id, UserUpdateRequest request) {
    UserAccount old = find(id);
    Role role = request.role() == null ? old.role() : role(request.role());
    boolean enabled = request.enabled() == null ? old.enabled() : request.enabled();
    String hash = request.password() == null ? old.passwordHash() : passwords.encode(request.password());
    UserAccount updated = new UserAccount(old.id(), old.username(), hash, role, enabled, old.createdAt());
    if (old.role() == Role.ADMIN && old.enabled() && (role != Role.ADMIN || !enabled)) {
      requireAnotherAdmin(old);
    }
    users.update(updated);
    audit.record("user.update", "user", id, "username=" + old.username() + " role=" + role + " enabled=" + enabled
        + (request.password() == null ? "" : " password changed"));
    return UserResponse.of(updated);
  }

  @Transactional
  public void delete(UUID id) {
    UserAccount old = find(id);
    if (old.role() == Role.ADMIN && old.enabled()) {
      requireAnotherAdmin(old);
    }
    users.delete(id);
    audit.record("user.delete", "user", id, "username=" + old.username());
  }

  private void requireAnotherAdmin(UserAccount admin) {
    if (users.countEnabledAdmins() <= 1) {
      throw new ConflictException("User " + admin.username() + " is the last enabled administrator; create or "
          + "enable another administrator first.");
    }
  }

  private UserAccount find(UUID id) {
    return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
  }

  private static Role role(String text) {
    try {
      return Role.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("role", e.getMessage());
    }
  }
}
