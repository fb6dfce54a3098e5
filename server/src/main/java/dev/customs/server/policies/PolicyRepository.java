package dev.customs.server.policies;

import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code policies} table. */
@Repository
public class PolicyRepository {
  private final JdbcClient jdbc;

  public PolicyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(StoredPolicy p) {
    jdbc.sql("""
        insert into policies (id, name, description, document, enabled, builtin, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(p.id(), p.name(), p.description(), p.document(), p.enabled(), p.builtin(),
            SqlTimes.param(p.createdAt()), SqlTimes.param(p.updatedAt()))
        .update();
  }

  public void update(StoredPolicy p) {
    jdbc.sql("""
        update policies set name = ?, description = ?, document = ?, enabled = ?, builtin = ?, updated_at = ?
        where id = ?""")
        .params(p.name(), p.description(), p.document(), p.enabled(), p.builtin(), SqlTimes.param(p.updatedAt()),
            p.id())
        .update();
  }

  public boolean delete(UUID id) {
    return jdbc.sql("delete from policies where id = ?").param(id).update() > 0;
  }

  public Optional<StoredPolicy> findById(UUID id) {
    return jdbc.sql("select * from policies where id = ?").param(id).query(PolicyRepository::map).optional();
  }

  public Optional<StoredPolicy> findByName(String name) {
    return jdbc.sql("select * from policies where name = ?").param(name).query(PolicyRepository::map).optional();
  }

  public List<StoredPolicy> findAll() {
    return jdbc.sql("select * from policies order by name").query(PolicyRepository::map).list();
  }

  public List<StoredPolicy> enabled() {
    return jdbc.sql("select * from policies where enabled = true order by name").query(PolicyRepository::map).list();
  }

  private static StoredPolicy map(ResultSet rs, int row) throws SQLException {
    return new StoredPolicy(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
        rs.getString("document"), rs.getBoolean("enabled"), rs.getString("builtin"),
        SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "updated_at"));
  }
}
