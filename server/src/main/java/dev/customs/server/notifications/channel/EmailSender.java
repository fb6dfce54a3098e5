package dev.customs.server.notifications.channel;

import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.notifications.ChannelType;
import dev.customs.server.notifications.Notification;
import dev.customs.server.notifications.NotificationProperties;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail through the SMTP server configured with {@code spring.mail.*} ({@code CUSTOMS_SMTP_*}):
 * a plain-text message, one per subscription, to its recipients.
 */
@Component
public class EmailSender implements NotificationSender {
  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationProperties properties;

  private final boolean configured;

  public EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties,
      @Value("${spring.mail.host:}") String smtpHost) {
    this.mail = mail;
    this.properties = properties;
    // Spring creates a mail sender even for an empty host; without a host there is no server to use.
    this.configured = !smtpHost.isBlank();
  }

  @Override
  public ChannelType channel() {
    return ChannelType.EMAIL;
  }

  @Override
  public void validate(String address) {
    try {
      InternetAddress[] recipients = InternetAddress.parse(address == null ? "" : address, true);
      if (recipients.length == 0) {
        throw new InvalidRequestException("recipients", "an e-mail subscription needs at least one recipient");
      }
    } catch (AddressException e) {
      throw new InvalidRequestException("recipients", "\"" + address + "\" is not a list of e-mail addresses: "
          + e.getMessage());
    }
  }

  @Override
  public Integer send(Notification notification, Destination destination) throws DeliveryException {
    JavaMailSender sender = configured ? mail.getIfAvailable() : null;
    if (sender == null) {
      throw new DeliveryException("no SMTP server is configured: set CUSTOMS_SMTP_HOST (and CUSTOMS_SMTP_PORT, "
          + "CUSTOMS_SMTP_USERNAME, CUSTOMS_SMTP_PASSWORD as needed)", null, false);
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.mailFrom());
    message.setTo(destination.address().split("\\s*,\\s*"));
    message.setSubject("[Customs] " + notification.title());
    message.setText(body(notification));
    try {
      sender.send(message);
      return null;
    } catch (MailAuthenticationException | MailParseException e) {
      throw new DeliveryException("the SMTP server refused the message: " + e.getMessage(), null, true);
    } catch (MailException e) {
      throw new DeliveryException("cannot send e-mail: " + e.getMessage(), null, false);
    }
  }

  private static String body(Notification notification) {
    StringBuilder text = new StringBuilder(notification.text()).append("\n\n");
    notification.facts().forEach((label, value) -> text.append(label).append(": ").append(value).append('\n'));
    return text.append("\n-- \nSent by Customs (").append(notification.event().wire()).append(").\n").toString();
  }
}
