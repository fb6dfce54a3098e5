package dev.customs.server.notifications.channel;

import dev.customs.server.notifications.ChannelType;
import dev.customs.server.notifications.Notification;

/** Renders a notification for one kind of channel and sends it; one class per channel. */
public interface NotificationSender {
  ChannelType channel();

  /**
   * Checks an address when a subscription is saved.
   *
   * @throws dev.customs.server.common.InvalidRequestException naming what is wrong with it
   */
  void validate(String address);

  /** Sends; returns the HTTP status (null for channels without one). */
  Integer send(Notification notification, Destination destination) throws DeliveryException;
}
