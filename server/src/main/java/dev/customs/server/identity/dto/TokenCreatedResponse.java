package dev.customs.server.identity.dto;

/** The answer to creating a token: the only time its secret is shown. */
public record TokenCreatedResponse(TokenResponse token, String secret) {}
