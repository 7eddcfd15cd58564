package com.chatcommerce.manualpayments.api;

import com.chatcommerce.manualpayments.crm.ContactRules;
import com.chatcommerce.manualpayments.error.TextRules;
import com.chatcommerce.manualpayments.order.OrderFields;
import com.chatcommerce.manualpayments.paging.Cursors;
import com.chatcommerce.manualpayments.paymentsystem.PaymentSystem;

/**
 * The lengths and counts the OpenAPI document promises, in one place, taken from the rules that
 * enforce them where there is one. A request field carries them as bean validation constraints,
 * which both document and enforce them (400 naming the field, before anything runs); a response
 * field carries them as documentation of what the columns hold.
 */
public final class ApiLimits {

  private ApiLimits() {}

  /** Names of clients, payers, offers and payment systems (their columns). */
  static final int NAME = TextRules.NAME;

  /** Comments of clients and managers, history values, chat texts. */
  static final int COMMENT = OrderFields.COMMENT_LIMIT;

  static final int DESCRIPTION = PaymentSystem.DESCRIPTION;
  static final int COMMENT_HINT = PaymentSystem.COMMENT_HINT;
  static final int URL = PaymentSystem.IMAGE_URL;

  static final int EMAIL = ContactRules.EMAIL_LENGTH;

  /** E.164: a plus and at most 15 digits. */
  static final int PHONE = 16;

  static final String PHONE_PATTERN = ContactRules.PHONE_PATTERN;

  /** What {@code Money.parseDecimal} reads: a sign, 15 digits, a dot and 10 decimals. */
  static final int DECIMAL = 27;

  static final String DECIMAL_PATTERN = "^-?\\d{1,15}(\\.\\d{1,10})?$";

  /** An ISO date, yyyy-mm-dd. */
  static final int DATE = 10;

  /** An ISO-8601 duration such as P30D (its column). */
  static final int DURATION = 32;

  static final int CURRENCY = 3;
  static final String CURRENCY_PATTERN = "^[A-Z]{3}$";
  static final int UUID = 36;

  /** What the idempotency filter takes; it refuses any other key before the request runs. */
  public static final int IDEMPOTENCY_KEY = 100;

  public static final String IDEMPOTENCY_KEY_PATTERN = "^[A-Za-z0-9_.:-]{1,100}$";

  /** A cursor this API returned: base64url of the key of a page's last row. */
  static final int CURSOR = 100;

  static final String CURSOR_PATTERN = "^[A-Za-z0-9_-]*$";
  static final int ACTOR = 100;

  /** Enum-like words kept as text: statuses, events, channels, field names. */
  static final int WORD = 32;

  static final int MAX_CURRENCIES = PaymentSystem.MAX_CURRENCIES;

  /** What a page holds at most: the largest {@code limit}. */
  static final int PAGE = Cursors.MAX_LIMIT;

  /** A client search term: as long as a name. */
  static final int SEARCH = TextRules.NAME;

  /** An order changes a bounded number of times: submitted, corrected, decided, refunded. */
  static final int HISTORY = 50;
}
