package dev.customs.server.notifications;

import dev.customs.server.common.PageRequest;
import dev.customs.server.common.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code notification_deliveries} outbox, claimed by any replica's delivery worker. */
@Repository
public class DeliveryRepository {
  private final JdbcClient jdbc;

  public DeliveryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Delivery d) {
    jdbc.sql("""
        insert into notification_deliveries (id, subscription_id, event, title, payload, state, attempts, run_after,
          created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(d.id(), d.subscriptionId(), d.event().wire(), d.title(), d.payload(), d.state().name(), d.attempts(),
            SqlTimes.param(d.runAfter()), SqlTimes.param(d.createdAt()))
        .update();
  }

  /** Takes the oldest due delivery ({@code SKIP LOCKED}: replicas claim side by side without waiting). */
  @Transactional
  public Optional<Delivery> claim(String owner, Instant now, Instant leaseUntil) {
    Optional<UUID> id = jdbc.sql("select id from notification_deliveries where state = 'PENDING' and run_after <= ? "
        + "order by run_after, created_at limit 1 for update skip locked")
        .param(SqlTimes.param(now)).query(UUID.class).optional();
    id.ifPresent(i -> jdbc.sql("""
        update notification_deliveries set state = 'SENDING', attempts = attempts + 1, lease_owner = ?,
          lease_until = ? where id = ?""")
        .params(owner, SqlTimes.param(leaseUntil), i).update());
    return id.flatMap(this::findById);
  }

  public void delivered(UUID id, Integer status, Instant now) {
    jdbc.sql("""
        update notification_deliveries set state = 'DELIVERED', delivered_at = ?, last_status = ?, last_error = null,
          lease_owner = null, lease_until = null where id = ?""")
        .params(SqlTimes.param(now), status, id).update();
  }

  public void retry(UUID id, String error, Integer status, Instant runAfter) {
    jdbc.sql("""
        update notification_deliveries set state = 'PENDING', run_after = ?, last_error = ?, last_status = ?,
          lease_owner = null, lease_until = null where id = ?""")
        .params(SqlTimes.param(runAfter), error, status, id).update();
  }

  public void failed(UUID id, String error, Integer status) {
    jdbc.sql("""
        update notification_deliveries set state = 'FAILED', last_error = ?, last_status = ?, lease_owner = null,
          lease_until = null where id = ?""")
        .params(error, status, id).update();
  }

  /** A FAILED delivery goes back to the queue with fresh attempts (an administrator fixed the endpoint). */
  public boolean requeue(UUID id, Instant now) {
    return jdbc.sql("""
        update notification_deliveries set state = 'PENDING', attempts = 0, run_after = ? where id = ?
          and state = 'FAILED'""").params(SqlTimes.param(now), id).update() > 0;
  }

  /** Deliveries whose replica died mid-send go back to the queue (a receiver may see one twice). */
  public int releaseExpired(Instant now) {
    return jdbc.sql("""
        update notification_deliveries set state = 'PENDING', lease_owner = null, lease_until = null, run_after = ?
        where state = 'SENDING' and lease_until < ?""")
        .params(SqlTimes.param(now), SqlTimes.param(now)).update();
  }

  public Optional<Delivery> findById(UUID id) {
    return jdbc.sql("select * from notification_deliveries where id = ?").param(id)
        .query(DeliveryRepository::map).optional();
  }

  public List<Delivery> page(DeliveryState state, UUID subscriptionId, PageRequest page) {
    return jdbc.sql("select * from notification_deliveries where (cast(? as varchar(20)) is null or state = ?) "
        + "and (cast(? as uuid) is null or subscription_id = ?) order by created_at desc limit ? offset ?")
        .params(name(state), name(state), subscriptionId, subscriptionId, page.size(), page.offset())
        .query(DeliveryRepository::map).list();
  }

  public long count(DeliveryState state, UUID subscriptionId) {
    return jdbc.sql("select count(*) from notification_deliveries where (cast(? as varchar(20)) is null or state = ?) "
        + "and (cast(? as uuid) is null or subscription_id = ?)")
        .params(name(state), name(state), subscriptionId, subscriptionId).query(Long.class).single();
  }

  private static String name(DeliveryState state) {
    return state == null ? null : state.name();
  }

  private static Delivery map(ResultSet rs, int row) throws SQLException {
    int status = rs.getInt("last_status");
    Integer lastStatus = rs.wasNull() ? null : status;
    return new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
        NotificationEvent.fromWire(rs.getString("event")), rs.getString("title"), rs.getString("payload"),
        DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"), SqlTimes.instant(rs, "run_after"),
        rs.getString("last_error"), lastStatus, SqlTimes.instant(rs, "created_at"),
        SqlTimes.instant(rs, "delivered_at"));
  }
}
