package dev.customs.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the machine's PostgreSQL (127.0.0.1:5432, trust auth). Override with
 * {@code -Dcustoms.test.postgres.url=jdbc:postgresql://host:port/} and {@code -Dcustoms.test.postgres.user=}.
 */
public record TestPostgres(String server, String user, String name) {
  public static TestPostgres createDatabase() {
    String server = System.getProperty("customs.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    String user = System.getProperty("customs.test.postgres.user", "postgres");
    TestPostgres db = new TestPostgres(server, user, "customs_test_" + UUID.randomUUID().toString().replace("-", ""));
    db.admin("create database " + db.name);
    return db;
  }

  public String url() {
    return server + name;
  }

  public void drop() {
    admin("drop database if exists " + name + " with (force)");
  }

  private void admin(String sql) {
    try (Connection c = DriverManager.getConnection(server + "postgres", user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + server + " (user " + user + ") refused '" + sql + "': "
          + e.getMessage() + ". The server tests need it: .ci/run starts it, or set -Dcustoms.test.postgres.url/.user",
          e);
    }
  }
}
