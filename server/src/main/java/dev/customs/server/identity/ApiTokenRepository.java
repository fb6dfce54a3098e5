package dev.customs.server.identity;

import dev.customs.server.common.PageRequest;
import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_tokens} table. */
@Repository
public class ApiTokenRepository {
  /** Last-used times are kept to this precision so an API client does not cause a write per request. */
  static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private final JdbcClient jdbc;

  public ApiTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApiToken token) {
    jdbc.sql("""
        insert into api_tokens (id, name, token_hash, token_prefix, role, owner_id, created_at, expires_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(token.id(), token.name(), token.tokenHash(), token.prefix(), token.role().name(), token.ownerId(),
            SqlTimes.param(token.createdAt()), SqlTimes.param(token.expiresAt()))
        .update();
  }

  public Optional<ApiToken> findByHash(String hash) {
    return jdbc.sql("select * from api_tokens where token_hash = ?").param(hash)
        .query(ApiTokenRepository::map).optional();
  }

  public Optional<ApiToken> findById(UUID id) {
    return jdbc.sql("select * from api_tokens where id = ?").param(id).query(ApiTokenRepository::map).optional();
  }

  public List<ApiToken> page(PageRequest page) {
    return jdbc.sql("select * from api_tokens order by created_at desc, id limit ? offset ?")
        .params(page.size(), page.offset()).query(ApiTokenRepository::map).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from api_tokens").query(Long.class).single();
  }

  public void revoke(UUID id, Instant at) {
    jdbc.sql("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
        .params(SqlTimes.param(at), id).update();
  }

  public void touch(UUID id, Instant at) {
    jdbc.sql("update api_tokens set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
        .params(SqlTimes.param(at), id, SqlTimes.param(at.minus(LAST_USED_PRECISION))).update();
  }

  private static ApiToken map(ResultSet rs, int row) throws SQLException {
    return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_hash"),
        rs.getString("token_prefix"), Role.valueOf(rs.getString("role")), rs.getObject("owner_id", UUID.class),
        SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "expires_at"),
        SqlTimes.instant(rs, "last_used_at"), SqlTimes.instant(rs, "revoked_at"));
  }
}
