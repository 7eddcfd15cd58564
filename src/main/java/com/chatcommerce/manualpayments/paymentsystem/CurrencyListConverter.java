package com.chatcommerce.manualpayments.paymentsystem;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Currency codes kept in one column, comma-separated. */
@Converter
public class CurrencyListConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> currencies) {
    return String.join(",", currencies);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    return Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).toList();
  }
}
