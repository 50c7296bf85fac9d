package com.zhidian.apitests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * template.yaml: the tenant data role carries the LeadingKeys condition on every grant and never Scan; the
 * tenant-facing functions hold no table-wide DynamoDB grant of their own and name the role; the provider's function
 * and the cross-tenant points job keep theirs.
 */
class TenantDataRoleTemplateTest {
    private static final SamTemplate TEMPLATE = SamTemplate.load(Path.of("template.yaml"));
    private static final List<String> TENANT_FUNCTIONS = List.of("StoresFunction", "MembersFunction", "CatalogFunction", "CouponsFunction", "DevicesFunction",
            "OrdersFunction", "CatalogImportFunction", "TelemetryFunction", "CampaignsFunction",
            "ReportsFunction", "PurchasingFunction", "LockersFunction", "MerchantsFunction",
            "ApprovalsFunction",
            "SignUpTriggersFunction", "CreateAuthChallengeFunction", "ParkingFunction",
            "OfficeFunction",
            "GuideFunction");

    @Test
    void tenantDataRoleAllowsOnlyTheTenantsLeadingKeys() {
        assertEquals("AWS::IAM::Role", TEMPLATE.typeOf("TenantDataRole"));
        Map<String, Object> role = TEMPLATE.properties("TenantDataRole");
        List<Map<String, Object>> grants = statements(role.get("Policies"), true);
        assertFalse(grants.isEmpty());
        for (Map<String, Object> st : grants) {
            assertEquals("Allow", st.get("Effect"));
            List<String> actions = strings(st.get("Action"));
            assertTrue(actions.stream().allMatch(a -> a.startsWith("dynamodb:") && !a.contains("*")), actions::toString);
            assertFalse(actions.contains("dynamodb:Scan"), "ForAllValues on the empty key set of a Scan is true: never grant Scan");
            Map<String, Object> like = SamTemplate.map(SamTemplate.map(st.get("Condition")).get("ForAllValues:StringLike"));
            assertEquals(List.of("T#${aws:PrincipalTag/tenant_id}#*"), strings(like.get("dynamodb:LeadingKeys")));
        }
        Map<String, Object> trust = SamTemplate.map(SamTemplate.map(role.get("AssumeRolePolicyDocument")).get("Statement") instanceof List<?> l
                ? l.get(0) : null);
        assertTrue(strings(trust.get("Action")).containsAll(List.of("sts:AssumeRole", "sts:TagSession")));
        List<String> principals = new ArrayList<>();
        for (Object p : (List<?>) SamTemplate.map(trust.get("Principal")).get("AWS")) principals.add(SamTemplate.refName(p));
        assertEquals(TENANT_FUNCTIONS.stream().map(f -> f + "Role").toList(), principals);
    }

    @Test
    void tenantFunctionsHaveNoTableGrantOfTheirOwnAndNameTheRole() {
        for (String id : TENANT_FUNCTIONS) {
            Map<String, Object> props = TEMPLATE.properties(id);
            for (Object policy : list(props.get("Policies"))) {
                if (policy instanceof Map<?, ?> m && m.keySet().stream().anyMatch(k -> String.valueOf(k).startsWith("DynamoDB"))) {
                    throw new AssertionError(id + " keeps the SAM policy template " + m.keySet());
                }
            }
            for (Map<String, Object> st : statements(props.get("Policies"), false)) {
                assertTrue(strings(st.get("Action")).stream().noneMatch(a -> a.startsWith("dynamodb:")), id + " still grants " + st);
            }
            Object env = SamTemplate.map(SamTemplate.map(props.get("Environment")).get("Variables")).get("TENANT_DATA_ROLE_ARN");
            assertEquals("TenantDataRole", SamTemplate.refName(env), id);
        }
    }

    @Test
    void theProviderFunctionAndTheJobsStayTableWide() {
        // the order timeout job walks the ORDUE#n due shards across all tenants
        assertTrue(statements(TEMPLATE.properties("OrderTimeoutFunction").get("Policies"), false).stream()
                .anyMatch(st -> strings(st.get("Action")).contains("dynamodb:Query") && st.get("Condition") == null));
        assertTrue(list(TEMPLATE.properties("AdminFunction").get("Policies")).stream()
                .anyMatch(p -> p instanceof Map<?, ?> m && m.containsKey("DynamoDBCrudPolicy")));
        assertTrue(statements(TEMPLATE.properties("PointsExpiryFunction").get("Policies"), false).stream()
                .anyMatch(st -> strings(st.get("Action")).contains("dynamodb:Query") && st.get("Condition") == null));
        // the presence function is told a thing name by IoT, not a request's tenant; it may only update an item
        assertEquals(List.of(List.of("dynamodb:UpdateItem")), statements(TEMPLATE.properties("DevicePresenceFunction").get("Policies"), false)
                .stream().map(st -> strings(st.get("Action"))).toList());
        // the telemetry ingest is told a topic by IoT; the silence watch reads an index that spans tenants
        // (and it publishes an alert's SMS to the store's phones: sns:Publish to a number has no resource to scope to)
        assertEquals(List.of(List.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"),
                        List.of("sns:Publish")),
                statements(TEMPLATE.properties("TelemetryIngestFunction").get("Policies"), false).stream().map(st -> strings(st.get("Action"))).toList());
        assertTrue(statements(TEMPLATE.properties("TelemetryWatchFunction").get("Policies"), false).stream()
                .anyMatch(st -> strings(st.get("Action")).contains("dynamodb:Query") && st.get("Condition") == null));
    }

    @Test
    void theComplaintDeadlineJobStaysTableWide() {
        // the complaint deadline job walks the MCDUE#n shards of gsi2 across all tenants
        assertTrue(statements(TEMPLATE.properties("ComplaintDeadlineFunction").get("Policies"), false).stream()
                .anyMatch(st -> strings(st.get("Action")).contains("dynamodb:Query") && st.get("Condition") == null));
    }

    @Test
    void thePatrolSweepStaysTableWide() {
        // the patrol sweep walks the PROUTES#n shards of gsi2 across all tenants
        assertTrue(statements(TEMPLATE.properties("PatrolSweepFunction").get("Policies"), false).stream()
                .anyMatch(st -> strings(st.get("Action")).contains("dynamodb:Query") && st.get("Condition") == null));
    }

    /** Statements of IAM role policies ({@code PolicyDocument}) or of SAM function policies (inline {@code Statement}). */
    private static List<Map<String, Object>> statements(Object policies, boolean iamRole) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object p : list(policies)) {
            Object doc = iamRole ? SamTemplate.map(p).get("PolicyDocument") : p;
            for (Object st : list(SamTemplate.map(doc).get("Statement"))) out.add(SamTemplate.map(st));
        }
        return out;
    }

    private static List<?> list(Object o) { return o instanceof List<?> l ? l : o == null ? List.of() : List.of(o); }

    private static List<String> strings(Object o) { return list(o).stream().map(String::valueOf).toList(); }
}
