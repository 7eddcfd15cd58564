package com.chatcommerce.manualpayments.paymentsystem;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/** A payment system's uploaded image, as the client's pay window shows it. */
@Entity
@Table(name = "payment_system_images")
public class PaymentSystemImage {

  @Id private Long paymentSystemId;

  private String contentType;

  /** MEDIUMBLOB on MariaDB and MySQL, named so that schema validation matches it; a BLOB on H2. */
  @Lob
  @Column(columnDefinition = "mediumblob")
  private byte[] content;

  /** A hash of the content: equal images have equal tags, whenever they were uploaded. */
  private String etag;

  private Instant updatedAt;

  protected PaymentSystemImage() {}

  PaymentSystemImage(long paymentSystemId, Instant now) {
    this.paymentSystemId = paymentSystemId;
    this.updatedAt = now;
  }

  void replace(ImageType type, byte[] content, String etag, Instant now) {
    this.contentType = type.mediaType();
    this.content = content;
    this.etag = etag;
    this.updatedAt = now;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] content() {
    return content;
  }
}
