package com.zhidian.samplestore;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** What the run command prints once everything is up: where to click and who to log in as. */
final class Banner {
    private Banner() {}

    static String text(String url, Path data, SampleStoreLoader.Loaded s, JsonNode sample, long millis) {
        String pw = sample.get("password").asText();
        StringBuilder b = new StringBuilder();
        b.append("\n  智店 Zhidian Local is ready in ").append(millis).append(" ms").append(s.createdNow() ? " (sample store loaded)" : "").append('\n');
        b.append("\n  Portal (owners, staff, provider)  ").append(url).append("/\n");
        b.append("  Customer H5 (mini-program page)   ").append(url).append("/#/h5?tenant=").append(s.tenantId()).append('\n');
        if (s.guide() != null) b.append("  In-store guide kiosk (no login)   ").append(url).append("/").append(s.guide()).append('\n');
        b.append("  API                               ").append(url).append("   (spec: docs/openapi.yaml)\n");
        b.append("  Data                              ").append(data).append('\n');
        b.append("\n  Sample logins (password ").append(pw).append("):\n");
        b.append("    provider admin  ").append(sample.get("providerAdmin").get("username").asText()).append('\n');
        b.append("    owner           ").append(sample.get("tenant").get("owner").get("email").asText()).append('\n');
        for (JsonNode st : sample.get("staff")) {
            b.append("    staff           ").append(st.get("email").asText()).append("  (")
                    .append(sample.get("tenant").get("stores").get(st.get("store").asInt()).get("name").asText()).append(")\n");
        }
        b.append("    customer        phone ").append(sample.get("customer").get("phone").asText())
                .append(", code 000000, tenant ").append(s.tenantId()).append('\n');
        b.append("\n  Press Ctrl-C to stop.\n");
        return b.toString();
    }
}
