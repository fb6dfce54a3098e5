package dev.customs.server.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants in and out of {@code timestamp with time zone} columns. Both JDBC drivers (PostgreSQL
 * and H2) map that type to {@link OffsetDateTime}; neither accepts {@link Instant} directly.
 */
public final class SqlTimes {
  private SqlTimes() {}

  public static OffsetDateTime param(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
