package dev.customs.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Customs console: REST API, persistence and identity on one Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomsServer {
  public static void main(String[] args) {
    SpringApplication.run(CustomsServer.class, args);
  }
}
