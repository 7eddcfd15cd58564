package com.chatcommerce.manualpayments.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, with its real workers, against MariaDB (the test database
 * that {@code src/test/db/prepare-test-database.sh} creates) and the shared in-memory engine,
 * delivering to the shared platform webhook receiver. All such tests share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"embedded", "test"})
@Import(IntegrationTestConfiguration.class)
@ContextConfiguration(
    initializers = {
      IntegrationTestConfiguration.EngineAddress.class,
      IntegrationTestConfiguration.PlatformWebhook.class
    })
public @interface IntegrationTest {}
