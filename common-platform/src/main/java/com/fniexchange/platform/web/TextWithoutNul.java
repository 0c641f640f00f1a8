package com.fniexchange.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Refuses the NUL character (U+0000) in any text of a request body. PostgreSQL cannot store it
 * in text, so it would otherwise surface as a 500 at the insert; here it is a 400 naming the field.
 */
final class TextWithoutNul extends StdScalarDeserializer<String> {

    static final String REASON = "must not contain the NUL character (U+0000)";

    private TextWithoutNul() {
        super(String.class);
    }

    static SimpleModule module() {
        return new SimpleModule("fni-text-without-nul").addDeserializer(String.class, new TextWithoutNul());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw context.weirdStringException(text, String.class, REASON);
        }
        return text;
    }
}
