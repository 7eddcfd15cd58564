package com.chatcommerce.manualpayments;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@Deployment(resources = {"classpath*:/processes/*.bpmn", "classpath*:/forms/*.form"})
public class ManualPaymentsApplication {

  public static void main(String[] args) {
    SpringApplication.run(ManualPaymentsApplication.class, args);
  }
}
