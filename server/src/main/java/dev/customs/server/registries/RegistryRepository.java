package dev.customs.server.registries;

import dev.customs.server.common.PageRequest;
import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code registries} table. */
@Repository
public class RegistryRepository {
  private final JdbcClient jdbc;

  public RegistryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Registry r) {
    jdbc.sql("""
        insert into registries (id, name, type, url, auth_kind, username, secret_enc, ca_pem, insecure, rescan_cron,
          webhook_secret_enc, connector, created_at, updated_at, provider_options)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(r.id(), r.name(), r.type().name(), r.url(), r.authKind().name(), r.username(), r.secretEnc(),
            r.caPem(), r.insecure(), r.rescanCron(), r.webhookSecretEnc(), r.connector(),
            SqlTimes.param(r.createdAt()), SqlTimes.param(r.updatedAt()), options(r.options()))
        .update();
  }

  public void update(Registry r) {
    jdbc.sql("""
        update registries set name = ?, type = ?, url = ?, auth_kind = ?, username = ?, secret_enc = ?, ca_pem = ?,
          insecure = ?, rescan_cron = ?, webhook_secret_enc = ?, connector = ?, updated_at = ?, provider_options = ?
        where id = ?""")
        .params(r.name(), r.type().name(), r.url(), r.authKind().name(), r.username(), r.secretEnc(), r.caPem(),
            r.insecure(), r.rescanCron(), r.webhookSecretEnc(), r.connector(), SqlTimes.param(r.updatedAt()),
            options(r.options()), r.id())
        .update();
  }

  public boolean delete(UUID id) {
    return jdbc.sql("delete from registries where id = ?").param(id).update() > 0;
  }

  public Optional<Registry> findById(UUID id) {
    return jdbc.sql("select * from registries where id = ?").param(id).query(RegistryRepository::map).optional();
  }

  public Optional<Registry> findByName(String name) {
    return jdbc.sql("select * from registries where name = ?").param(name).query(RegistryRepository::map).optional();
  }

  public List<Registry> page(PageRequest page) {
    return jdbc.sql("select * from registries order by name limit ? offset ?")
        .params(page.size(), page.offset()).query(RegistryRepository::map).list();
  }

  /** Every integration; there are few (one per registry a team uses). */
  public List<Registry> findAll() {
    return jdbc.sql("select * from registries order by name").query(RegistryRepository::map).list();
  }

  /** The integration whose URL serves {@code host} (e.g. {@code registry-1.docker.io}), if any. */
  public Optional<Registry> findServing(String host) {
    return findAll().stream().filter(r -> RegistryClientFactory.host(r).equals(host)).findFirst();
  }

  public long count() {
    return jdbc.sql("select count(*) from registries").query(Long.class).single();
  }

  private static Registry map(ResultSet rs, int row) throws SQLException {
    return new Registry(rs.getObject("id", UUID.class), rs.getString("name"), RegistryType.valueOf(rs.getString("type")),
        rs.getString("url"), AuthKind.valueOf(rs.getString("auth_kind")), rs.getString("username"),
        rs.getString("secret_enc"), rs.getString("ca_pem"), rs.getBoolean("insecure"), rs.getString("rescan_cron"),
        rs.getString("webhook_secret_enc"), rs.getString("connector"), SqlTimes.instant(rs, "created_at"),
        SqlTimes.instant(rs, "updated_at"), options(rs.getString("provider_options")));
  }

  /** One {@code key=value} per line, sorted, so the column reads the same however the map was built. */
  private static String options(Map<String, String> options) {
    return options.isEmpty() ? null : new TreeMap<>(options).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
  }

  private static Map<String, String> options(String text) {
    Map<String, String> options = new TreeMap<>();
    if (text != null) {
      text.lines().filter(l -> l.contains("=")).forEach(l -> options.put(l.substring(0, l.indexOf('=')),
          l.substring(l.indexOf('=') + 1)));
    }
    return options;
  }
}
