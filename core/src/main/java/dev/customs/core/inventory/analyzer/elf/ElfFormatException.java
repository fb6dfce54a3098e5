package dev.customs.core.inventory.analyzer.elf;

/** An ELF file whose headers cannot be read: truncated, or with offsets outside the file. */
public class ElfFormatException extends Exception {
  public ElfFormatException(String message) {
    super(message);
  }
}
