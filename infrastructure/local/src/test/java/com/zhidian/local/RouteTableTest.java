package com.zhidian.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.zhidian.local.gateway.RouteTable;
import com.zhidian.local.template.SamTemplate.RouteDef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static RouteDef r(String method, String path) {
        return new RouteDef(method, path, "F", "auth", List.of());
    }

    private final RouteTable table = new RouteTable(List.of(
            r("GET", "/members/{memberId}"),
            r("GET", "/members/me"),
            r("POST", "/members/{memberId}/points/redeem"),
            r("ANY", "/files/{proxy+}"),
            r("GET", "/files/{proxy+}"),
            r("ANY", "/{proxy+}"),
            r("GET", "/stores")));

    private String key(String method, String path) {
        RouteTable.Match m = table.match(method, path);
        return m == null ? null : m.route().routeKey();
    }

    @Test
    void literalBeatsParameterBeatsGreedy() {
        assertEquals("GET /members/me", key("GET", "/members/me"));
        assertEquals("GET /members/{memberId}", key("GET", "/members/m-1"));
        assertEquals("ANY /{proxy+}", key("DELETE", "/members/m-1"));
        assertEquals("GET /stores", key("GET", "/stores"));
        assertEquals("ANY /{proxy+}", key("GET", "/stores/extra/segments"));
    }

    @Test
    void methodBeatsAny() {
        assertEquals("GET /files/{proxy+}", key("GET", "/files/a/b"));
        assertEquals("ANY /files/{proxy+}", key("PUT", "/files/a/b"));
    }

    @Test
    void pathParametersAreDecoded() {
        RouteTable.Match m = table.match("POST", "/members/m%20%E6%99%BA/points/redeem");
        assertEquals(Map.of("memberId", "m 智"), m.pathParameters());
        assertEquals(Map.of("proxy", "a/b/c.txt"), table.match("GET", "/files/a/b/c.txt").pathParameters());
    }

    @Test
    void noMatch() {
        RouteTable small = new RouteTable(List.of(r("GET", "/stores/{storeId}")));
        assertNull(small.match("GET", "/stores"));
        assertNull(small.match("GET", "/stores/"));
        assertNull(small.match("POST", "/stores/s1"));
        assertNull(small.match("GET", "/stores/s1/x"));
    }

    @Test
    void defaultRoute_onlyWhenNoOtherRouteMatches() {
        RouteTable withDefault = new RouteTable(List.of(r("GET", "/stores/{storeId}"), r("ANY", "/files/{proxy+}"),
                new RouteDef("ANY", null, "NoRoute", null, List.of())));
        assertEquals("GET /stores/{storeId}", withDefault.match("GET", "/stores/s1").route().routeKey());
        assertEquals("ANY /files/{proxy+}", withDefault.match("DELETE", "/files/a/b").route().routeKey());
        for (String[] miss : new String[][] {{"POST", "/stores/s1"}, {"GET", "/stores"}, {"GET", "/"}, {"PATCH", "/x/y/z"}}) {
            RouteTable.Match m = withDefault.match(miss[0], miss[1]);
            assertEquals("$default", m.route().routeKey(), miss[0] + " " + miss[1]);
            assertEquals(Map.of(), m.pathParameters());
        }
    }
}
