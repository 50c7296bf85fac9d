package com.zhidian.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.local.template.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
    private final SamTemplate t = SamTemplate.load(TestSupport.template());

    @Test
    void shortTagsBecomeTheLongForm() {
        Map<String, Object> env = t.functions().get(0).environment();
        assertEquals(Map.of("Ref", "Table"), env.get("TABLE_NAME"));
        assertEquals(Map.of("Fn::Sub", "zhidian-${Stage}-${AWS::Region}"), env.get("STAGE_LABEL"));
        assertEquals(Map.of("Fn::If", List.of("IsProd", "WARN", "DEBUG")), env.get("LOG_LEVEL"));
        Map<String, Object> lambdaConfig = SamTemplate.map(t.properties("UserPool").get("LambdaConfig"));
        assertEquals(Map.of("Fn::GetAtt", List.of("DefineAuthFunction", "Arn")), lambdaConfig.get("DefineAuthChallenge"));
    }

    @Test
    void functionsAndGlobals() {
        SamTemplate.FunctionDef echo = t.functions().stream().filter(f -> f.logicalId().equals("EchoFunction")).findFirst().orElseThrow();
        assertEquals("com.zhidian.local.testfns.EchoHandler::handleRequest", echo.handler());
        assertEquals(10, echo.timeoutSeconds());
        assertEquals(512, echo.memoryMb());
        assertEquals("hello", echo.environment().get("ECHO_GREETING"));
        assertTrue(echo.environment().containsKey("USER_POOL_ID"), "globals merged");
        assertEquals(11, t.functions().size());
        assertEquals(1, t.tables().size());
    }

    @Test
    void routesAndTheirAuthorization() {
        Map<String, SamTemplate.RouteDef> byKey = new java.util.HashMap<>();
        t.routes().forEach(r -> byKey.put(r.routeKey(), r));
        assertEquals(7, t.routes().size());
        assertEquals("CognitoJwt", byKey.get("GET /members/{memberId}").authorizer());
        assertNull(byKey.get("POST /public/echo").authorizer(), "Authorizer: NONE is public; method upper-cased");
        assertTrue(byKey.get("GET /shapes/{shape}").isPublic());
        assertNotNull(byKey.get("ANY /files/{proxy+}"));
        assertNotNull(t.authorizers().get("CognitoJwt"));
    }

    @Test
    void findsTheTemplateWalkingUp(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws Exception {
        java.nio.file.Path deep = java.nio.file.Files.createDirectories(root.resolve("a/b/c"));
        java.nio.file.Files.writeString(root.resolve("template.yaml"), "Resources: {}\n");
        assertEquals(root.resolve("template.yaml"), SamTemplate.find(deep).orElseThrow());
    }

    @Test
    void unquotedPathTemplatesInFlowMappingsAreReadWithAWarning() {
        SamTemplate lenient = oneFunction("""
                        A: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /a/{id}/b, Method: GET } }
                        B: { Type: HttpApi, Properties: { Path: /files/{proxy+}, Method: ANY } }
                """);
        assertEquals(List.of("GET /a/{id}/b", "ANY /files/{proxy+}"),
                lenient.routes().stream().map(SamTemplate.RouteDef::routeKey).toList());
    }

    @Test
    void defaultRoute_asSamDeclaresIt_pathDefaultOrNeitherPathNorMethod() {
        for (String event : new String[] {"{ Path: $default, Method: ANY, Auth: { Authorizer: NONE } }",
                "{ Path: /$default, Method: any, Auth: { Authorizer: NONE } }", "{ Auth: { Authorizer: NONE } }"}) {
            SamTemplate t = oneFunction("            D: { Type: HttpApi, Properties: " + event + " }\n");
            SamTemplate.RouteDef d = t.routes().get(0);
            assertTrue(d.isDefault(), event);
            assertEquals("$default", d.routeKey(), event);
            assertTrue(d.isPublic(), event);
        }
    }

    /** A template of one function with these events (lines indented under its Events). */
    private static SamTemplate oneFunction(String events) {
        return SamTemplate.parse("""
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Events:
                """ + events);
    }
}
