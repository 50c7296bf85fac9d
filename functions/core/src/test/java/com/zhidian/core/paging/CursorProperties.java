package com.zhidian.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zhidian.core.errors.ApiException;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorProperties {

    @Property
    void aCursor_decodesToTheKeyItWasMadeOf(@ForAll @StringLength(min = 1, max = 40) String pk,
                                             @ForAll @StringLength(min = 1, max = 40) String sk) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
        assertEquals(key, Cursor.decode("T#a", Cursor.encode("T#a", key)));
    }

    @Property
    void anyEditedCharacter_isRefused(@ForAll @StringLength(min = 1, max = 20) String sk,
                                      @ForAll @IntRange(min = 0, max = 1000) int position,
                                      @ForAll char replacement) {
        String c = Cursor.encode("T#a", Map.of("pk", AttributeValue.fromS("T#a#STORE"), "sk", AttributeValue.fromS(sk)));
        int i = position % c.length();
        Assume.that(c.charAt(i) != replacement);
        String edited = c.substring(0, i) + replacement + c.substring(i + 1);
        ApiException e = assertThrows(ApiException.class, () -> Cursor.decode("T#a", edited));
        assertEquals(400, e.status());
    }

    @Property
    void anotherScopesCursor_isRefused(@ForAll @StringLength(min = 1, max = 20) String sk) {
        String c = Cursor.encode("T#a", Map.of("pk", AttributeValue.fromS("x"), "sk", AttributeValue.fromS(sk)));
        assertThrows(ApiException.class, () -> Cursor.decode("T#b", c));
    }
}
