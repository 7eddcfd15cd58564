package com.chatcommerce.manualpayments.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an endpoint answers besides 401 and 403, each as application/problem+json.
 * {@link OpenApiConfiguration} documents them in the OpenAPI document.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ProblemResponses {
  int[] value();
}
