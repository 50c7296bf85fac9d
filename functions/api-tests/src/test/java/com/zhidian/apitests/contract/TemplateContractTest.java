package com.zhidian.apitests.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.apitests.support.Local;
import com.zhidian.apitests.support.Specs;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** template.yaml (what AWS deploys), the code's route tables and docs/openapi.yaml list the same operations. */
class TemplateContractTest {

    @Test
    void everyFunctionsHandlerClassExists() throws Exception {
        for (Map.Entry<String, String> f : Specs.handlers().entrySet()) {
            String cls = f.getValue().split("::")[0];
            Class<?> c = Class.forName(cls);
            // a RequestHandler, or a RequestStreamHandler (Spring Cloud Function's AWS adapter, the telemetry ingest)
            assertTrue(com.amazonaws.services.lambda.runtime.RequestHandler.class.isAssignableFrom(c)
                    || com.amazonaws.services.lambda.runtime.RequestStreamHandler.class.isAssignableFrom(c), f.getKey() + " " + cls);
        }
    }

    @Test
    void templateRoutes_equal_openApiOperations() {
        Set<String> template = Specs.templateRoutes();
        Set<String> openapi = Specs.openApiOperations();
        assertFalse(template.isEmpty());
        Set<String> onlyTemplate = new TreeSet<>(template);
        onlyTemplate.removeAll(openapi);
        Set<String> onlySpec = new TreeSet<>(openapi);
        onlySpec.removeAll(template);
        assertEquals(Set.of(), onlyTemplate, "routes in template.yaml missing from openapi.yaml");
        assertEquals(Set.of(), onlySpec, "operations in openapi.yaml missing from template.yaml");
    }

    @Test
    void eachHandlersRouteTable_equals_itsTemplateEvents() throws Exception {
        Local.gatewayUrl(); // the SDK settings handlers read at construction come from Zhidian Local
        for (Map.Entry<String, Set<String>> f : Specs.routesByHandler().entrySet()) {
            Class<?> c = Class.forName(f.getKey());
            if (!com.zhidian.core.http.ApiFunction.class.isAssignableFrom(c)) continue;
            var fn = (com.zhidian.core.http.ApiFunction) c.getConstructor().newInstance();
            assertEquals(new TreeSet<>(f.getValue()), new TreeSet<>(fn.routes().keys()), f.getKey());
        }
    }
}
