package org.qingyuan.shell.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;

/**
 * Every JSON answer writes {@code <}, {@code >}, {@code &} and {@code '} as {@code \u003C}-style escapes: a value a
 * client sent (echoed in a problem's {@code detail}, or stored and listed later) can never appear as markup in the
 * bytes, even to a client that ignores the content type. JSON readers see exactly the same strings.
 */
@Configuration(proxyBeanMethods = false)
class HtmlSafeJson {

    @Bean
    JsonFactoryBuilderCustomizer htmlSafeJsonEscapes() {
        return builder -> builder.characterEscapes(new Escapes());
    }

    static final class Escapes extends CharacterEscapes {
        private static final int[] CODES = standardAsciiEscapesForJSON();

        static {
            for (char c : new char[] {'<', '>', '&', '\''}) {
                CODES[c] = ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return CODES;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
