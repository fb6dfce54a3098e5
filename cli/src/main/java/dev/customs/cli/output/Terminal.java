package dev.customs.cli.output;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a person is watching: progress bars and colour only then. */
public final class Terminal {
  private Terminal() {}

  /**
   * True when the console is an interactive terminal. From JDK 22 {@code System.console()} exists
   * even when output is redirected, and only {@code Console.isTerminal()} (JDK 22+, so called
   * reflectively while the code targets 21) tells the difference.
   */
  public static boolean attached() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only for a terminal
    }
  }
}
