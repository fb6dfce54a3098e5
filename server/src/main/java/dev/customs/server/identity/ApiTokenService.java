package dev.customs.server.identity;

import dev.customs.server.audit.AuditLog;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.common.NotFoundException;
import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.identity.dto.TokenCreateRequest;
import dev.customs.server.identity.dto.TokenCreatedResponse;
import dev.customs.server.identity.dto.TokenResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists, revokes and checks API tokens (administrators create them, for any role). */
@Service
public class ApiTokenService {
  private final ApiTokenRepository tokens;
  private final UserRepository users;
  private final AuditLog audit;
  private final Clock clock;

  public ApiTokenService(ApiTokenRepository tokens, UserRepository users, AuditLog audit, Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public TokenCreatedResponse create(TokenCreateRequest request, Authentication caller) {
    UserAccount owner = owner(caller);
    Role role;
    try {
      role = Role.parse(request.role());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("role", e.getMessage());
    }
    Instant now = clock.instant();
    if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
      throw new InvalidRequestException("expiresAt", "expiresAt must be in the future, got " + request.expiresAt());
    }
    String secret = TokenSecrets.generate();
    ApiToken token = new ApiToken(UUID.randomUUID(), request.name(), TokenSecrets.hash(secret),
        TokenSecrets.shownPrefix(secret), role, owner.id(), now, request.expiresAt(), null, null);
    tokens.insert(token);
    audit.record("token.create", "token", token.id(), "name=" + token.name() + " role=" + role
        + " owner=" + owner.username());
    return new TokenCreatedResponse(TokenResponse.of(token), secret);
  }

  @Transactional(readOnly = true)
  public Page<TokenResponse> list(PageRequest page) {
    return page.page(tokens.page(page).stream().map(TokenResponse::of).toList(), tokens.count());
  }

  @Transactional
  public TokenResponse revoke(UUID id) {
    ApiToken token = tokens.findById(id).orElseThrow(() -> new NotFoundException("token", id));
    tokens.revoke(id, clock.instant());
    audit.record("token.revoke", "token", id, "name=" + token.name());
    return TokenResponse.of(tokens.findById(id).orElseThrow());
  }

  /** The token for a presented secret when it is known, unrevoked, unexpired and its owner is enabled. */
  @Transactional
  public Optional<ApiTokenAuthentication> authenticate(String secret) {
    Instant now = clock.instant();
    Optional<ApiToken> token = tokens.findByHash(TokenSecrets.hash(secret))
        .filter(t -> t.usableAt(now))
        .filter(t -> users.findById(t.ownerId()).map(UserAccount::enabled).orElse(false));
    token.ifPresent(t -> tokens.touch(t.id(), now));
    return token.map(ApiTokenAuthentication::new);
  }

  private UserAccount owner(Authentication caller) {
    Optional<UserAccount> owner = caller instanceof ApiTokenAuthentication t
        ? users.findById(t.token().ownerId())
        : users.findByUsername(caller.getName());
    return owner.orElseThrow(() -> new IllegalStateException("authenticated caller " + caller.getName()
        + " has no user account"));
  }
}
