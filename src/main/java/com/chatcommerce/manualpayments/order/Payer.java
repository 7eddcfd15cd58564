package com.chatcommerce.manualpayments.order;

import com.chatcommerce.manualpayments.crm.ContactRules;
import com.chatcommerce.manualpayments.error.TextRules;
import jakarta.validation.constraints.Size;

/**
 * Who paid a payment a manager records for any user of the platform (spec §6): kept on the order,
 * which belongs to the manual account. Personal data, so never a process variable nor logged.
 */
public record Payer(
    @Size(max = TextRules.NAME) String name,
    @Size(max = ContactRules.EMAIL_LENGTH) String email,
    @Size(max = 16) String phone,
    @Size(max = 100) String platformUserId) {

  /**
   * Not the record's own text, which would print the personal data wherever the payer is printed.
   */
  @Override
  public String toString() {
    return "Payer[personal data]";
  }
}
