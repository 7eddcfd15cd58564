package com.chatcommerce.manualpayments.crm;

import com.chatcommerce.manualpayments.error.InvalidInputException;
import java.util.regex.Pattern;

/** How a client's email and phone must look; shared by the CRM and by manager-added payments. */
public final class ContactRules {

  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

  /** RFC 5321's longest address. */
  public static final int EMAIL_LENGTH = 254;

  /** E.164: a plus, then 8 to 15 digits. */
  public static final String PHONE_PATTERN = "^\\+[1-9]\\d{7,14}$";

  private static final Pattern PHONE = Pattern.compile(PHONE_PATTERN);

  private ContactRules() {}

  public static String email(String value, String field, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new InvalidInputException(field, "is required");
      }
      return null;
    }
    if (value.length() > EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
      throw new InvalidInputException(field, "is not a valid email address");
    }
    return value;
  }

  public static String phone(String value, String field, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new InvalidInputException(field, "is required");
      }
      return null;
    }
    if (!PHONE.matcher(value).matches()) {
      throw new InvalidInputException(field, "must be in E.164 form, for example +79001234567");
    }
    return value;
  }
}
