/**
 * Domain events published with Spring's {@code ApplicationEventPublisher} and consumed by
 * re-evaluation and notifications. Publishers never depend on who listens.
 */
package dev.customs.server.events;
