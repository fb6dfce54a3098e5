package dev.customs.server.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * A schedule as settings write it: classic 5-field cron (minute first, {@code "0 3 * * *"}) or
 * Spring's 6-field cron (second first, {@code "0 0 3 * * *"}), evaluated in the server clock's zone.
 */
public final class Cron {
  private final CronExpression expression;

  private Cron(CronExpression expression) {
    this.expression = expression;
  }

  /**
   * @param field the request field, for the error message
   * @throws InvalidRequestException naming the field when the text is not a cron expression
   */
  public static Cron parse(String field, String text) {
    String trimmed = text == null ? "" : text.strip();
    String expression = trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed;
    try {
      return new Cron(CronExpression.parse(expression));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field, field + " \"" + text + "\" is not a cron expression (" + e.getMessage()
          + "); e.g. \"0 3 * * *\" for 03:00 every day");
    }
  }

  /** The first firing after {@code after}; {@link Instant#MAX} when it never fires again. */
  public Instant next(Instant after, ZoneId zone) {
    ZonedDateTime next = expression.next(after.atZone(zone));
    return next == null ? Instant.MAX : next.toInstant();
  }
}
