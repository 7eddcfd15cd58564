package com.chatcommerce.manualpayments.paymentsystem;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats a payment system's image may have, told apart by their first bytes: the
 * declared type alone would let any file through (an SVG with a script, an HTML page) as long as it
 * said image/png.
 */
public enum ImageType {
  PNG("image/png"),
  JPEG("image/jpeg"),
  WEBP("image/webp");

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG_SIGNATURE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WEBP_FORM = "WEBP".getBytes(StandardCharsets.US_ASCII);

  private final String mediaType;

  ImageType(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The type the content is, by its signature; empty for anything else. */
  public static Optional<ImageType> of(byte[] content) {
    if (startsWith(content, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, 0, JPEG_SIGNATURE)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP_FORM)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, int offset, byte[] signature) {
    return content.length >= offset + signature.length
        && Arrays.equals(
            content, offset, offset + signature.length, signature, 0, signature.length);
  }
}
