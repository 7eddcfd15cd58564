package com.chatcommerce.manualpayments.api;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes {@code < > & '} as \\u escapes in every JSON response. Comments are stored verbatim, and a
 * client that drops our JSON into a page, or a browser that sniffs it as HTML, then still never
 * sees markup; any JSON parser reads the original text back.
 */
@Configuration
class HtmlSafeJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer htmlSafeEscapes() {
    return builder ->
        builder.postConfigurer(mapper -> mapper.getFactory().setCharacterEscapes(new Escapes()));
  }

  private static final class Escapes extends CharacterEscapes {

    private final int[] ascii;

    Escapes() {
      ascii = standardAsciiEscapesForJSON();
      for (char c : new char[] {'<', '>', '&', '\''}) {
        ascii[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
