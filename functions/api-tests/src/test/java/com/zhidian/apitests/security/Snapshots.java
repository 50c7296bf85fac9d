package com.zhidian.apitests.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.apitests.security.World.Party;
import com.zhidian.apitests.support.Api;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Tenant A as every GET of the spec shows it to A's own callers (or to the provider, for /admin/tenants/{id}). */
public final class Snapshots {
    /** Fields that move with the clock, not with the data (a member card's QR rotates every minute). */
    private static final Set<String> VOLATILE = Set.of("qr", "generatedAt", "expiresAt", "refreshAfterSeconds");

    private Snapshots() {}

    /** The first of A's parties (owner, staff of store 1, customer, provider) that the operation's x-roles admit. */
    public static Party actorFor(World w, SpecOps.Op op) {
        for (Party p : new Party[] {w.ownerA, w.staffA1, w.customerA, w.provider}) {
            if (p != null && op.roles().contains(p.role())) return p;
        }
        return null;
    }

    public static Map<String, JsonNode> of(World w) {
        return of(w.objectsA, w.ownerA, w.staffA1, w.customerA, w.provider);
    }

    /** The first party (in the order given) whose role the operation's x-roles admit. */
    public static Party actorFor(SpecOps.Op op, Party... parties) {
        for (Party p : parties) if (p != null && op.roles().contains(p.role())) return p;
        return null;
    }

    /** A tenant's objects as every GET of the spec shows them to the first of {@code readers} that may call it. */
    public static Map<String, JsonNode> of(World.Objects objects, Party... readers) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (SpecOps.Op op : SpecOps.all()) {
            if (!op.method().equals("GET") || op.pathParamNames().stream().anyMatch(n -> objects.id(n) == null)) continue;
            Party reader = actorFor(op, readers);
            if (reader == null) continue;
            if (reader.tenant() == null && !op.pathParamNames().contains("tenantId")) continue;   // global lists move on their own
            Api.Res r = Calls.send(reader.api(), op, objects.ids(), null);
            ObjectNode entry = Api.JSON.createObjectNode().put("status", r.status());
            entry.set("body", stable(r));
            out.put(op.key(), entry);
        }
        return out;
    }

    public static void compare(Map<String, JsonNode> before, Map<String, JsonNode> after, List<String> failures) {
        for (String k : before.keySet()) {
            if (!before.get(k).equals(after.get(k))) {
                failures.add("tenant A changed as seen by " + k + ": before " + abbreviate(before.get(k).toString())
                        + " after " + abbreviate(String.valueOf(after.get(k))));
            }
        }
    }

    private static JsonNode stable(Api.Res r) {
        String type = r.contentType() == null ? "" : r.contentType();
        if (type.contains("spreadsheetml")) {
            // a workbook is a zip whose entries carry the time it was written: its JSON twin (the same GET without
            // .xlsx) shows the rows, so here the status and the kind of answer are what can change
            return Api.JSON.getNodeFactory().textNode(type);
        }
        try {
            JsonNode n = r.json().deepCopy();
            strip(n);
            return n;
        } catch (AssertionError e) {
            return Api.JSON.getNodeFactory().textNode(r.text());
        }
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) o.remove(VOLATILE);
        n.forEach(Snapshots::strip);
    }

    public static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
