package dev.customs.server.audit;

import dev.customs.server.common.PageRequest;
import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_log} table: append and read, never update. */
@Repository
public class AuditRepository {
  private final JdbcClient jdbc;

  public AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(AuditEvent event) {
    jdbc.sql("""
        insert into audit_log (id, at, actor, action, target_type, target_id, detail)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(event.id(), SqlTimes.param(event.at()), event.actor(),
            event.action(), event.targetType(), event.targetId(), event.detail())
        .update();
  }

  /** Newest first. */
  public List<AuditEvent> page(PageRequest page) {
    return jdbc.sql("select * from audit_log order by at desc, id limit ? offset ?")
        .params(page.size(), page.offset())
        .query(AuditRepository::map)
        .list();
  }

  public long count() {
    return jdbc.sql("select count(*) from audit_log").query(Long.class).single();
  }

  private static AuditEvent map(ResultSet rs, int row) throws SQLException {
    return new AuditEvent(rs.getObject("id", UUID.class), SqlTimes.instant(rs, "at"), rs.getString("actor"),
        rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail"));
  }
}
