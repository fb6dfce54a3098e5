package dev.customs.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.customs.server.common.InvalidRequestException;
import dev.customs.server.notifications.channel.DeliveryException;
import dev.customs.server.notifications.channel.Destination;
import dev.customs.server.notifications.channel.EmailSender;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The e-mail channel against a real SMTP server (GreenMail) on a free loopback port. */
class EmailSenderTest {
  private static final NotificationProperties PROPERTIES = new NotificationProperties(Duration.ofSeconds(1), 3,
      Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1), "customs@example.com");

  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @Test
  void sendsOnePlainTextMessageToEveryRecipient() throws Exception {
    EmailSender sender = sender("127.0.0.1", smtp.getSmtp().getPort());
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("Image", "registry.example.com/team/app:1.0");
    facts.put("Reasons", "baseline: CVE-2024-3094 (critical)");
    Notification notification = new Notification(UUID.randomUUID(), NotificationEvent.IMAGE_NON_COMPLIANT,
        Instant.now(), "Image non-compliant: registry.example.com/team/app:1.0", "It fails its policies.", facts, null);

    sender.send(notification, new Destination(UUID.randomUUID(), "sec@example.com, ops@example.com", null));

    MimeMessage[] messages = smtp.getReceivedMessages();
    assertThat(messages).as("one copy per recipient").hasSize(2);
    assertThat(messages[0].getAllRecipients()).extracting(Object::toString)
        .containsExactly("sec@example.com", "ops@example.com");
    MimeMessage message = messages[0];
    assertThat(message.getSubject()).isEqualTo("[Customs] Image non-compliant: registry.example.com/team/app:1.0");
    assertThat(message.getFrom()[0].toString()).isEqualTo("customs@example.com");
    assertThat(((String) message.getContent()).replace("\r\n", "\n"))
        .contains("It fails its policies.", "Reasons: baseline: CVE-2024-3094 (critical)", "image.non_compliant");
  }

  @Test
  void anUnreachableServerIsARetryableFailureAndNoServerIsSaidPlainly() throws Exception {
    int port = smtp.getSmtp().getPort();
    smtp.stop();
    Notification notification = new Notification(UUID.randomUUID(), NotificationEvent.TEST, Instant.now(), "t", "x",
        Map.of(), null);
    Destination to = new Destination(UUID.randomUUID(), "sec@example.com", null);
    assertThatThrownBy(() -> sender("127.0.0.1", port).send(notification, to))
        .isInstanceOf(DeliveryException.class).hasMessageContaining("cannot send e-mail")
        .matches(e -> !((DeliveryException) e).permanent());
    assertThatThrownBy(() -> sender("", port).send(notification, to))
        .isInstanceOf(DeliveryException.class).hasMessageContaining("CUSTOMS_SMTP_HOST");
  }

  @Test
  void recipientsAreValidatedWhenSaved() {
    EmailSender sender = sender("127.0.0.1", 25);
    sender.validate("a@example.com, b@example.com");
    assertThatThrownBy(() -> sender.validate("a@example.com, not an address@@"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> sender.validate("")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("at least one recipient");
  }

  private static EmailSender sender(String host, int port) {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost(host);
    mail.setPort(port);
    mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", mail));
    return new EmailSender(beans.getBeanProvider(JavaMailSender.class), PROPERTIES, host);
  }
}
