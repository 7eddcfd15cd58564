package com.chatcommerce.manualpayments.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The review form's fixture (src/test/resources/forms/review-form-fixture.json): what each
 * scenario's manager submits in form-js, Tasklist's renderer. The browser test proves the form
 * submits exactly this; the engine tests complete the review task with it.
 */
public final class ReviewForm {

  public static final String APPROVE = "approve";
  public static final String APPROVE_WITH_CORRECTION = "approveWithCorrection";
  public static final String REJECT = "reject";

  /** 5.00 RUB against the cash desk's 2.5 % + 10.00 RUB: a net of −5.12 RUB. */
  public static final String APPROVE_BELOW_THE_FEE = "approveBelowTheFee";

  private static final JsonNode FIXTURE = read();

  private ReviewForm() {}

  /**
   * The data the scenario's manager submits, key by key as form-js does (empty fields included).
   */
  public static Map<String, Object> submission(String scenario) {
    JsonNode submitted = FIXTURE.path("scenarios").path(scenario).path("submitted");
    if (submitted.isMissingNode()) {
      throw new IllegalArgumentException("no scenario " + scenario + " in the review form fixture");
    }
    return new ObjectMapper()
        .convertValue(submitted, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  /** Every scenario's submission, by name. */
  public static Map<String, Map<String, Object>> submissions() {
    Map<String, Map<String, Object>> all = new LinkedHashMap<>();
    FIXTURE
        .path("scenarios")
        .fieldNames()
        .forEachRemaining(name -> all.put(name, submission(name)));
    return all;
  }

  /** The variable names the form is given by the process. */
  public static Iterable<String> formDataKeys() {
    return FIXTURE.path("formData")::fieldNames;
  }

  private static JsonNode read() {
    try (InputStream in = ReviewForm.class.getResourceAsStream("/forms/review-form-fixture.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
