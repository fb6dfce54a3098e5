package dev.customs.server.notifications;

import dev.customs.server.common.PageRequest;
import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_subscriptions} table; events and repository globs are stored comma-separated. */
@Repository
public class SubscriptionRepository {
  private final JdbcClient jdbc;

  public SubscriptionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Subscription s) {
    jdbc.sql("""
        insert into notification_subscriptions (id, name, channel, target, secret_enc, events, registry_id,
          repositories, enabled, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(s.id(), s.name(), s.channel().name(), s.target(), s.secretEnc(), events(s.events()), s.registryId(),
            String.join(",", s.repositories()), s.enabled(), SqlTimes.param(s.createdAt()),
            SqlTimes.param(s.updatedAt()))
        .update();
  }

  public void update(Subscription s) {
    jdbc.sql("""
        update notification_subscriptions set name = ?, channel = ?, target = ?, secret_enc = ?, events = ?,
          registry_id = ?, repositories = ?, enabled = ?, updated_at = ? where id = ?""")
        .params(s.name(), s.channel().name(), s.target(), s.secretEnc(), events(s.events()), s.registryId(),
            String.join(",", s.repositories()), s.enabled(), SqlTimes.param(s.updatedAt()), s.id())
        .update();
  }

  public boolean delete(UUID id) {
    return jdbc.sql("delete from notification_subscriptions where id = ?").param(id).update() > 0;
  }

  public Optional<Subscription> findById(UUID id) {
    return jdbc.sql("select * from notification_subscriptions where id = ?").param(id)
        .query(SubscriptionRepository::map).optional();
  }

  public Optional<Subscription> findByName(String name) {
    return jdbc.sql("select * from notification_subscriptions where name = ?").param(name)
        .query(SubscriptionRepository::map).optional();
  }

  public List<Subscription> page(PageRequest page) {
    return jdbc.sql("select * from notification_subscriptions order by name limit ? offset ?")
        .params(page.size(), page.offset()).query(SubscriptionRepository::map).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from notification_subscriptions").query(Long.class).single();
  }

  /** The enabled subscriptions; scopes are matched in Java (globs), and there are few subscriptions. */
  public List<Subscription> enabled() {
    return jdbc.sql("select * from notification_subscriptions where enabled = true")
        .query(SubscriptionRepository::map).list();
  }

  private static String events(Set<NotificationEvent> events) {
    return events.stream().map(NotificationEvent::wire).sorted().collect(Collectors.joining(","));
  }

  private static Subscription map(ResultSet rs, int row) throws SQLException {
    Set<NotificationEvent> events = Arrays.stream(rs.getString("events").split(","))
        .map(NotificationEvent::fromWire).collect(Collectors.toSet());
    String repositories = rs.getString("repositories");
    return new Subscription(rs.getObject("id", UUID.class), rs.getString("name"),
        ChannelType.valueOf(rs.getString("channel")), rs.getString("target"), rs.getString("secret_enc"), events,
        rs.getObject("registry_id", UUID.class),
        repositories.isEmpty() ? List.of() : List.of(repositories.split(",")), rs.getBoolean("enabled"),
        SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "updated_at"));
  }
}
