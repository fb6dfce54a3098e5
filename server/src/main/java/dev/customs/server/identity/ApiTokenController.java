package dev.customs.server.identity;

import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import dev.customs.server.identity.dto.TokenCreateRequest;
import dev.customs.server.identity.dto.TokenCreatedResponse;
import dev.customs.server.identity.dto.TokenResponse;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tokens} (administrators only). {@code POST} answers the secret once; {@code DELETE}
 * revokes, keeping the row so the audit trail and last-used time stay visible.
 */
@RestController
@RequestMapping("/api/v1/tokens")
public class ApiTokenController {
  private final ApiTokenService tokens;

  public ApiTokenController(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @GetMapping
  public Page<TokenResponse> list(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return tokens.list(PageRequest.of(page, size));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public TokenCreatedResponse create(@Valid @RequestBody TokenCreateRequest request, Authentication caller) {
    return tokens.create(request, caller);
  }

  @DeleteMapping("/{id}")
  public TokenResponse revoke(@PathVariable UUID id) {
    return tokens.revoke(id);
  }
}
