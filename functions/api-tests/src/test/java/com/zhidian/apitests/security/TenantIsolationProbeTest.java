package com.zhidian.apitests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.security.ObjectRegistry.Scope;
import com.zhidian.apitests.security.World.Party;
import com.zhidian.apitests.support.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * OWASP API1 (object level) and API5 (function level), driven by docs/openapi.yaml: every operation is
 * called by every role that must not reach tenant A's objects (the provider admin, tenant B's owner, staff
 * and customer, and staff of A's other store), and by every role its {@code x-roles} leave out. Each such
 * call must answer 404 or 403 (a problem document), name no object of A it was not given, and change
 * nothing: afterwards every GET of the spec reads A's objects exactly as before.
 */
class TenantIsolationProbeTest {
    private static final Set<Integer> DENIED = Set.of(403, 404);
    private static final Set<Integer> REFUSED = Set.of(400, 403, 404, 409, 422);

    /**
     * Bodies that point at another tenant's object other than through a field named after it (one line per
     * operation); such a body sent by tenant B must be refused like a foreign path id.
     */
    static final Map<String, java.util.function.Function<World, JsonNode>> FOREIGN_BODIES = Map.of(
            "POST /member-cards/verify", w -> w.customerA == null ? null
                    : Api.JSON.createObjectNode().put("payload", w.customerA.api().get("/me/card").json().path("qr").path("payload").asText()));

    private final World w = World.get();
    private final Random rnd = new Random(6);
    private final List<String> leaks = new ArrayList<>();
    private final List<String> wrong = new ArrayList<>();
    private final Set<String> notProbed = new TreeSet<>();
    private final Set<String> rolesProbed = new TreeSet<>();
    private final Set<String> opsProbed = new TreeSet<>();
    private int probes;
    private int legitimate;

    @Test
    void crossTenantAndCrossStoreCalls_are404or403_nameNothing_andChangeNothing() {
        Map<String, JsonNode> before = snapshotOfA();
        for (SpecOps.Op op : SpecOps.all()) {
            if (!registered(op)) continue;
            // a public route (x-roles: [], the payment provider's webhook) has no caller to keep in a tenant: it trusts
            // a signature instead, which orders/OrderPaymentsTest forges and replays
            if (op.roles().isEmpty()) continue;
            for (Party p : new Party[] {w.provider, w.ownerB, w.staffB, w.customerB}) {
                if (p != null) crossTenant(op, p);
            }
            crossStore(op, w.staffA2);
        }
        compareSnapshot(before, snapshotOfA());
        System.out.printf("[security] isolation probe: %d operations x %d roles (%s) = %d probes sent, %d legitimate"
                        + " combinations not sent, %d leaks, %d wrong statuses%s%s%n",
                opsProbed.size(), rolesProbed.size(), String.join(", ", rolesProbed), probes, legitimate, leaks.size(), wrong.size(),
                notProbed.isEmpty() ? "" : "; not probed: " + notProbed, w.customerNote == null ? "" : "; " + w.customerNote);
        assertEquals(List.of(), concat(leaks, wrong), "leaks, then answers that leak nothing but are not 404/403 problems");
        assertEquals(Set.of(), notProbed, "operations whose path parameters ObjectRegistry cannot make: add a line there");
    }

    /**
     * Lists hand out cursors bound to the caller's tenant: tenant A's next-page cursor replayed by the same role of
     * tenant B is a 400 naming {@code cursor}, never a page of A.
     */
    @Test
    void anotherTenantsCursor_is400_andShowsNothingOfIt() {
        List<String> failures = new ArrayList<>();
        Set<String> probed = new TreeSet<>();
        Set<String> noSecondPage = new TreeSet<>();
        for (SpecOps.Op op : SpecOps.all()) {
            if (!op.method().equals("GET") || !op.hasQuery("cursor") || !registered(op)) continue;
            for (Party[] pair : new Party[][] {{w.ownerA, w.ownerB}, {w.staffA1, w.staffB}, {w.customerA, w.customerB}}) {
                Party victim = pair[0], attacker = pair[1];
                if (victim == null || attacker == null || !op.roles().contains(victim.role())) continue;
                Api.Res first = victim.api().get(Calls.path(op, w.objectsA.ids()) + "?limit=1");
                String cursor = first.json().path("nextCursor").asText(null);
                if (first.status() != 200 || cursor == null) {
                    noSecondPage.add(op.key() + " as " + victim.role());
                    continue;
                }
                Api.Res replay = attacker.api().get(Calls.path(op, w.objectsB.ids()) + "?limit=1&cursor="
                        + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
                probed.add(op.key() + " as " + attacker.role());
                boolean names = victimIds().stream().anyMatch(id -> replay.text() != null && replay.text().contains(id));
                if (!PropertyAuthorizationTest.namesField(replay, "cursor") || names) {
                    failures.add(attacker.name() + " " + op + " with A's cursor → " + replay.status() + " " + abbreviate(replay.text()));
                }
            }
        }
        System.out.printf("[security] cursor replay across tenants: %d lists probed, %d refused wrongly; no second page to"
                + " replay: %s%n", probed.size(), failures.size(), noSecondPage);
        assertTrue(!probed.isEmpty());
        assertEquals(List.of(), failures);
    }

    @Test
    void roleNotInXRoles_is403_andChangesNothing() {
        Map<String, JsonNode> before = snapshotOfA();
        int sent = 0;
        Set<String> ops = new TreeSet<>();
        for (SpecOps.Op op : SpecOps.all()) {
            if (!registered(op) || op.roles().isEmpty()) continue;
            for (Party p : new Party[] {w.provider, w.ownerA, w.staffA1, w.customerA}) {
                if (p == null || op.roles().contains(p.role())) continue;
                Api.Res r = Calls.send(p.api(), op, w.objectsA.ids(), body(op, w.objectsA.refs()));
                sent++;
                ops.add(op.key());
                if (r.status() >= 200 && r.status() < 300) leaks.add(p.name() + " " + op + " → " + r);
                else if (!Calls.isProblem(r, 403)) wrong.add(p.name() + " " + op + " → " + r.status() + " " + r.text());
            }
        }
        compareSnapshot(before, snapshotOfA());
        System.out.printf("[security] function-level authorization: %d calls over %d operations by roles outside x-roles,"
                + " %d allowed through, %d not 403%n", sent, ops.size(), leaks.size(), wrong.size());
        assertTrue(sent > 0);
        assertEquals(List.of(), leaks, "roles outside x-roles that were let through");
        assertEquals(List.of(), wrong, "roles outside x-roles not answered 403");
    }

    // ------------------------------------------------------------------------------------------- probes

    private void crossTenant(SpecOps.Op op, Party p) {
        boolean allowed = op.roles().contains(p.role());
        World.Objects own = p.tenant() == null ? null : w.objectsB;
        if (p.tenant() == null) {                                 // the provider: cross-tenant by design where allowed
            if (allowed) { legitimate++; return; }
            probe(op, p, w.objectsA.ids(), body(op, w.objectsA.refs()), Set.of(403), victimIds());
            return;
        }
        if (!allowed) {
            probe(op, p, w.objectsA.ids(), body(op, own.refs()), Set.of(403), victimIds());
            return;
        }
        boolean sent = false;
        if (hasObjectParams(op, Scope.TENANT, Scope.STORE)) {
            probe(op, p, w.objectsA.ids(), body(op, own.refs()), DENIED, victimIds());
            sent = true;
        }
        if (op.hasBody() && refsAny(op, Scope.TENANT, Scope.STORE)) {
            probe(op, p, own.ids(), body(op, w.objectsA.refs()), REFUSED, victimIds());
            sent = true;
        }
        java.util.function.Function<World, JsonNode> foreign = FOREIGN_BODIES.get(op.key());
        JsonNode foreignBody = foreign == null ? null : foreign.apply(w);
        if (foreignBody != null) {
            probe(op, p, own.ids(), foreignBody, REFUSED, victimIds());
            sent = true;
        }
        if (!sent && op.method().equals("GET")) {
            probe(op, p, own.ids(), null, null, victimIds());
            sent = true;
        }
        if (!sent) legitimate++;
    }

    /** Staff of A's second store against A's first store: only store-scoped objects are out of its reach. */
    private void crossStore(SpecOps.Op op, Party staff) {
        if (!op.roles().contains(staff.role())) return;           // covered by the x-roles test
        Map<String, String> victimPath = new LinkedHashMap<>(w.objectsA.ids());
        Map<String, String> ownPath = new LinkedHashMap<>(w.objectsA.ids());
        for (ObjectRegistry.Type t : ObjectRegistry.TYPES) {
            if (t.scope() == Scope.STORE && t.active()) ownPath.put(t.param(), staff.storeId());
        }
        Samples.Refs ownRefs = ownPath::get;
        Set<String> storeIds = Set.of(w.objectsA.storeId());
        if (hasObjectParams(op, Scope.STORE)) {
            probe(op, staff, victimPath, body(op, ownRefs), DENIED, storeIds);
        } else if (op.hasBody() && refsAny(op, Scope.STORE)) {
            probe(op, staff, ownPath, body(op, w.objectsA.refs()), REFUSED, storeIds);
        } else {
            legitimate++;   // tenant-wide objects (a member joined at store 1) are every store's business
        }
    }

    /**
     * One call. {@code expected} null: any answer but a 5xx, as long as it names none of {@code victimIds};
     * otherwise one of those statuses, as a problem document. A 2xx where a refusal is expected is a leak.
     */
    private void probe(SpecOps.Op op, Party p, Map<String, String> path, JsonNode body, Set<Integer> expected, Set<String> victimIds) {
        probes++;
        opsProbed.add(op.key());
        rolesProbed.add(p.role());
        Api.Res r = Calls.send(p.api(), op, path, body);
        String what = p.name() + " " + op.fill(path) + (body == null ? "" : " " + body) + " → " + r.status() + " " + abbreviate(r.text());
        Set<String> sentIds = new LinkedHashSet<>(path.values());
        if (body != null) sentIds.add(body.toString());
        for (String id : victimIds) {
            boolean echoed = sentIds.stream().anyMatch(s -> s.contains(id));
            if (!echoed && r.text() != null && r.text().contains(id)) leaks.add("names " + id + ": " + what);
        }
        if (expected == null) {
            if (r.status() >= 500) wrong.add(what);
            return;
        }
        if (r.status() >= 200 && r.status() < 300) {
            leaks.add("let through: " + what);
        } else if (expected.stream().noneMatch(s -> Calls.isProblem(r, s))) {
            wrong.add("expected " + expected + ": " + what);
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private boolean registered(SpecOps.Op op) {
        for (String name : op.pathParamNames()) {
            if (w.objectsA.id(name) == null) {
                notProbed.add(op.key() + " ({" + name + "})");
                return false;
            }
        }
        return true;
    }

    private static boolean hasObjectParams(SpecOps.Op op, Scope... scopes) {
        for (String name : op.pathParamNames()) {
            ObjectRegistry.Type t = ObjectRegistry.byParam(name);
            if (t != null && List.of(scopes).contains(t.scope())) return true;
        }
        return false;
    }

    private static boolean refsAny(SpecOps.Op op, Scope... scopes) {
        for (String type : Samples.referencedTypes(op.bodySchema())) {
            ObjectRegistry.Type t = ObjectRegistry.byParam(type);
            if (t != null && t.active() && List.of(scopes).contains(t.scope())) return true;
        }
        return false;
    }

    private JsonNode body(SpecOps.Op op, Samples.Refs refs) {
        return op.hasBody() ? Samples.withRefs(op.bodySchema(), refs, rnd) : null;
    }

    /** Every id of tenant A: the tenant, both stores, every made object. */
    private Set<String> victimIds() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(w.a.tenantId());
        ids.addAll(w.a.storeIds());
        w.objectsA.made().forEach((k, m) -> {
            if (ObjectRegistry.byParam(k).scope() != Scope.NONE) ids.add(m.id());
        });
        return ids;
    }

    private Map<String, JsonNode> snapshotOfA() {
        return Snapshots.of(w);
    }

    private void compareSnapshot(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        Snapshots.compare(before, after, leaks);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static String abbreviate(String s) {
        return Snapshots.abbreviate(s);
    }
}
