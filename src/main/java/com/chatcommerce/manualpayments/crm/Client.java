package com.chatcommerce.manualpayments.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "crm_clients")
public class Client {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;
  private String email;
  private String phone;
  private Instant createdAt;

  /** The manual account keeps the payments of users of the platform who are not CRM clients. */
  private boolean manualAccount;

  protected Client() {}

  Client(String name, String email, String phone, Instant now) {
    this.createdAt = now;
    apply(name, email, phone);
  }

  void apply(String name, String email, String phone) {
    this.name = name;
    this.email = email;
    this.phone = phone;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }

  public boolean isManualAccount() {
    return manualAccount;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
