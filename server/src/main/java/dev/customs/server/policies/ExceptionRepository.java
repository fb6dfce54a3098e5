package dev.customs.server.policies;

import dev.customs.server.common.SqlTimes;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code policy_exceptions} table. */
@Repository
public class ExceptionRepository {
  private final JdbcClient jdbc;

  public ExceptionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(VulnerabilityException e) {
    jdbc.sql("""
        insert into policy_exceptions (id, vulnerability, registry, repository, digest, package_name, justification,
          author, expires, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(e.id(), e.vulnerability(), e.registry(), e.repository(), e.digest(), e.packageName(),
            e.justification(), e.author(), e.expires() == null ? null : Date.valueOf(e.expires()),
            SqlTimes.param(e.createdAt()), SqlTimes.param(e.updatedAt()))
        .update();
  }

  public void update(VulnerabilityException e) {
    jdbc.sql("""
        update policy_exceptions set vulnerability = ?, registry = ?, repository = ?, digest = ?, package_name = ?,
          justification = ?, expires = ?, updated_at = ? where id = ?""")
        .params(e.vulnerability(), e.registry(), e.repository(), e.digest(), e.packageName(), e.justification(),
            e.expires() == null ? null : Date.valueOf(e.expires()), SqlTimes.param(e.updatedAt()), e.id())
        .update();
  }

  public boolean delete(UUID id) {
    return jdbc.sql("delete from policy_exceptions where id = ?").param(id).update() > 0;
  }

  public Optional<VulnerabilityException> findById(UUID id) {
    return jdbc.sql("select * from policy_exceptions where id = ?").param(id).query(ExceptionRepository::map)
        .optional();
  }

  public List<VulnerabilityException> findAll() {
    return jdbc.sql("select * from policy_exceptions order by vulnerability, created_at, id")
        .query(ExceptionRepository::map).list();
  }

  private static VulnerabilityException map(ResultSet rs, int row) throws SQLException {
    Date expires = rs.getDate("expires");
    return new VulnerabilityException(rs.getObject("id", UUID.class), rs.getString("vulnerability"),
        rs.getString("registry"), rs.getString("repository"), rs.getString("digest"), rs.getString("package_name"),
        rs.getString("justification"), rs.getString("author"), expires == null ? null : expires.toLocalDate(),
        SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "updated_at"));
  }
}
