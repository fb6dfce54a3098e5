package dev.customs.server.audit;

import dev.customs.server.common.Page;
import dev.customs.server.common.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the change log, newest first (administrators only). */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {
  private final AuditLog auditLog;

  public AuditController(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @GetMapping
  public Page<AuditEvent> list(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return auditLog.list(PageRequest.of(page, size));
  }
}
