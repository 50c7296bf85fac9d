package com.zhidian.apitests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.apitests.support.Local;
import com.zhidian.apitests.support.Specs;
import com.zhidian.core.auth.Role;
import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The roles each handler admits per route are exactly the {@code x-roles} of that operation in the spec, so the
 * probes that read {@code x-roles} test what the code enforces (and the portal and partners read the truth).
 */
class XRolesContractTest {

    @Test
    void everyRoutesRoles_equal_itsXRoles() throws Exception {
        Local.gatewayUrl();   // handlers read the SDK settings Zhidian Local sets
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Set<String>> f : Specs.routesByHandler().entrySet()) {
            Class<?> c = Class.forName(f.getKey());
            if (!ApiFunction.class.isAssignableFrom(c)) continue;
            ApiFunction fn = (ApiFunction) c.getConstructor().newInstance();
            for (String key : f.getValue()) {
                Routes.Entry e = fn.routes().find(key);
                SpecOps.Op op = SpecOps.find(key);
                if (e == null || op == null) continue;   // TemplateContractTest reports missing routes
                Set<String> code = e.roles().stream().map(Role::claim).collect(Collectors.toCollection(TreeSet::new));
                Set<String> spec = new TreeSet<>(op.roles());
                checked++;
                if (!code.equals(spec)) mismatches.add(key + ": code " + code + ", spec x-roles " + spec);
            }
        }
        assertTrue(checked > 0);
        assertEquals(List.of(), mismatches);
    }
}
