package dev.customs.server.identity;

import dev.customs.server.common.PageRequest;
import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
public class UserRepository {
  private final JdbcClient jdbc;

  public UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UserAccount user) {
    jdbc.sql("insert into users (id, username, password_hash, role, enabled, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(user.id(), user.username(), user.passwordHash(), user.role().name(), user.enabled(),
            SqlTimes.param(user.createdAt()))
        .update();
  }

  public void update(UserAccount user) {
    jdbc.sql("update users set password_hash = ?, role = ?, enabled = ? where id = ?")
        .params(user.passwordHash(), user.role().name(), user.enabled(), user.id())
        .update();
  }

  public boolean delete(UUID id) {
    return jdbc.sql("delete from users where id = ?").param(id).update() > 0;
  }

  public Optional<UserAccount> findById(UUID id) {
    return jdbc.sql("select * from users where id = ?").param(id).query(UserRepository::map).optional();
  }

  public Optional<UserAccount> findByUsername(String username) {
    return jdbc.sql("select * from users where username = ?").param(username).query(UserRepository::map).optional();
  }

  public List<UserAccount> page(PageRequest page) {
    return jdbc.sql("select * from users order by username limit ? offset ?")
        .params(page.size(), page.offset()).query(UserRepository::map).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from users").query(Long.class).single();
  }

  public long countEnabledAdmins() {
    return jdbc.sql("select count(*) from users where role = 'ADMIN' and enabled = true").query(Long.class).single();
  }

  private static UserAccount map(ResultSet rs, int row) throws SQLException {
    return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), SqlTimes.instant(rs, "created_at"));
  }
}
