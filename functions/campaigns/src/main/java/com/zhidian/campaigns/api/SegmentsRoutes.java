package com.zhidian.campaigns.api;

import static com.zhidian.core.auth.Role.OWNER;

import com.zhidian.campaigns.application.SegmentService;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.tenancy.TenantDirectory;
import java.util.Set;

/** The owner's saved segments and their live counts. */
final class SegmentsRoutes {
    private final SegmentService segments;
    private final TenantDirectory tenants;

    SegmentsRoutes(SegmentService segments, TenantDirectory tenants) {
        this.segments = segments;
        this.tenants = tenants;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /segments", Set.of(OWNER), this::create)
                .on("GET /segments", Set.of(OWNER), r -> Response.ok(Views.page(
                        segments.list(r.caller().tenantId(), r.limit(), r.query("cursor")), Views::segment)))
                .on("GET /segments/{segmentId}", Set.of(OWNER), r -> Response.ok(
                        Views.segment(segments.get(r.caller().tenantId(), r.pathId("segmentId")))))
                .on("POST /segments/preview", Set.of(OWNER), this::preview);
    }

    private Response create(Request r) {
        Fields f = r.fields("name", "match", "rules");
        String name = f.requiredString("name", 1, 80);
        SegmentBody.Criteria c = SegmentBody.read(f, r.caller().tenantId(), tenants::hasStore);
        f.check();
        var s = segments.create(r.caller().tenantId(), name, c.match(), c.rules());
        return Response.created(Views.segment(s)).header("Location", "/segments/" + s.segmentId());
    }

    private Response preview(Request r) {
        Fields f = r.fields("match", "rules");
        SegmentBody.Criteria c = SegmentBody.read(f, r.caller().tenantId(), tenants::hasStore);
        f.check();
        return Response.ok(Views.count(segments.preview(r.caller().tenantId(), c.match(), c.rules())));
    }
}
