package com.zhidian.orders.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.zhidian.orders.domain.Order;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** An order as one JSON document in its item (lines, payments, refunds and timeline are small and read together). */
final class OrderDocs {
    private OrderDocs() {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new SimpleModule()
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeString(v.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    }));

    static String write(Order o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String writeAny(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T readAs(String doc, Class<T> type) {
        try {
            return MAPPER.readValue(doc, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Order read(String doc) {
        try {
            return MAPPER.readValue(doc, Order.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
