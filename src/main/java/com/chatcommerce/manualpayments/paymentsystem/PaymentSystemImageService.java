package com.chatcommerce.manualpayments.paymentsystem;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import com.chatcommerce.manualpayments.error.NotFoundException;
import com.chatcommerce.manualpayments.error.TooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The payment systems' uploaded images: PNG, JPEG or WebP by their content, at most 1 MiB. */
@Service
public class PaymentSystemImageService {

  public static final int MAX_BYTES = 1024 * 1024;

  private final PaymentSystemRepository paymentSystems;
  private final PaymentSystemImageRepository images;
  private final Clock clock;

  public PaymentSystemImageService(
      PaymentSystemRepository paymentSystems, PaymentSystemImageRepository images, Clock clock) {
    this.paymentSystems = paymentSystems;
    this.images = images;
    this.clock = clock;
  }

  /**
   * Reads an upload, never more than one byte past the limit, so that an oversized body costs no
   * more memory than an accepted one. Called before any transaction: a slow upload holds no
   * database connection.
   */
  public static byte[] read(InputStream body) {
    try {
      byte[] content = body.readNBytes(MAX_BYTES + 1);
      if (content.length > MAX_BYTES) {
        throw new TooLargeException("image", "is larger than 1 MiB (" + MAX_BYTES + " bytes)");
      }
      return content;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stores the image of payment system {@code id} and points its {@code imageUrl} at it.
   *
   * @return the payment system, showing its new image
   * @param declaredType the request's media type, which must agree with the content
   */
  @Transactional
  public PaymentSystem upload(long id, String declaredType, byte[] content) {
    if (content.length == 0) {
      throw new InvalidInputException("image", "is required: send the image as the request body");
    }
    ImageType type =
        ImageType.of(content)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "image", "is not a PNG, JPEG or WebP image by its content"));
    if (!type.mediaType().equalsIgnoreCase(declaredType)) {
      throw new InvalidInputException(
          "image", "is a " + type + " image by its content but was sent as " + declaredType);
    }
    PaymentSystem paymentSystem =
        paymentSystems.findById(id).orElseThrow(() -> new NotFoundException("payment system", id));
    PaymentSystemImage image =
        images.findById(id).orElseGet(() -> new PaymentSystemImage(id, clock.instant()));
    image.replace(type, content, etag(content), clock.instant());
    paymentSystem.showImage(PaymentSystem.uploadedImageUrl(id));
    images.save(image);
    return paymentSystem;
  }

  /**
   * The image's ETag, read without its bytes: a client that has the image already (304) costs no
   * blob read.
   */
  @Transactional(readOnly = true)
  public String etag(long id) {
    return images
        .findEtag(id)
        .orElseThrow(() -> new NotFoundException("image of payment system", id));
  }

  @Transactional(readOnly = true)
  public PaymentSystemImage get(long id) {
    return images
        .findById(id)
        .orElseThrow(() -> new NotFoundException("image of payment system", id));
  }

  private static String etag(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
