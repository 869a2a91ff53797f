package org.qingyuan.shell.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.TextLimits;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Checks every string of a JSON request body against {@link TextLimits} before it is bound, whatever it is bound to
 * (a record, a {@code JsonNode}, a merge patch): a string longer than its field's limit, or with a control character
 * such as NUL, is refused with 400 naming the field. The body is at most {@link WebLimits#maxBodySize()} (the
 * request filter saw to that), so it is read once into memory, checked as a token stream, and handed on.
 */
@ControllerAdvice
class JsonTextAdvice extends RequestBodyAdviceAdapter {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        if (type == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"))) {
            return input;
        }
        byte[] body;
        try (InputStream in = input.getBody()) {
            body = in.readAllBytes();
        } catch (RequestLimitsFilter.BodyTooLargeException e) {
            throw new PayloadTooLargeException(e.getMessage());
        }
        check(body);
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Malformed JSON is left to the converter, which answers it as it always has. */
    static void check(byte[] body) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && TextLimits.firstControlCharacter(parser.currentName()) >= 0) {
                    throw new InvalidInputException(null, "字段名含有不允许的控制字符（如 NUL），请删除后再提交");
                }
                if (token == JsonToken.VALUE_STRING) {
                    String field = field(parser.streamReadContext());
                    String problem = TextLimits.problem(field, parser.getString());
                    if (problem != null) {
                        throw new InvalidInputException(field, problem);
                    }
                }
            }
        } catch (JacksonException e) {
            // not well-formed: the converter reports it
        }
    }

    /** The name of the property a string belongs to (for an array's element, the array's property). */
    private static String field(TokenStreamContext context) {
        for (TokenStreamContext c = context; c != null; c = c.getParent()) {
            if (c.hasCurrentName()) {
                return c.currentName();
            }
        }
        return "body";
    }

    /** A body passed the size limit while it was read; answered 413. */
    static final class PayloadTooLargeException extends RuntimeException {
        PayloadTooLargeException(String message) {
            super(message);
        }
    }
}
