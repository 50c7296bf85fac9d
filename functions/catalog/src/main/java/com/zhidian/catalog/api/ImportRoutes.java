package com.zhidian.catalog.api;

import static com.zhidian.core.auth.Role.OWNER;

import com.zhidian.catalog.application.ImportService;
import com.zhidian.catalog.domain.CatalogImport;
import com.zhidian.catalog.domain.RowIssue;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Bulk imports from CSV: start one (and get the URL to upload its file to), follow its progress and read its report. */
final class ImportRoutes {
    private static final Pattern IMPORT_ID = Pattern.compile("imp_[0-9a-z]{16}");

    private ImportRoutes() {}

    static void register(Routes routes, ImportService s) {
        routes.on("POST /catalog/imports", Set.of(OWNER), r -> {
            Fields f = r.fields("kind", "fileName", "size");
            String kind = f.requiredEnum("kind", Set.of(CatalogImport.PRODUCTS, CatalogImport.PRICES));
            String name = f.requiredString("fileName", 1, 200);
            Long size = f.requiredLong("size", 1, Long.MAX_VALUE / 2);
            f.check();
            ImportService.Started st = s.start(r.caller(), kind, name.strip(), size);
            Map<String, Object> m = view(st.imp());
            Map<String, Object> upload = new LinkedHashMap<>();
            upload.put("url", st.uploadUrl());
            upload.put("method", "PUT");
            upload.put("expiresAt", st.uploadBy().toString());
            m.put("upload", upload);
            return Response.created(m).header("Location", "/catalog/imports/" + st.imp().importId());
        })
        .on("GET /catalog/imports/{importId}", Set.of(OWNER), r -> {
            String id = r.pathParam("importId");
            if (id == null || !IMPORT_ID.matcher(id).matches()) throw ApiException.notFound("import " + id);
            Map<String, Object> m = view(s.get(r.caller(), id));
            m.put("report", Views.page(s.issues(r.caller(), id, r.limit(), r.query("cursor")), ImportRoutes::issue));
            return Response.ok(m);
        });
    }

    static Map<String, Object> view(CatalogImport i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("importId", i.importId());
        m.put("kind", i.kind());
        m.put("fileName", i.fileName());
        m.put("size", i.size());
        m.put("state", i.state());
        m.put("encoding", i.encoding());
        m.put("total", i.total());
        m.put("processed", i.processed());
        m.put("created", i.created());
        m.put("updated", i.updated());
        m.put("unchanged", i.unchanged());
        m.put("refused", i.refused());
        if (i.failure() == null) {
            m.put("failure", null);
        } else {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("code", i.failure());
            f.put("facts", i.failureFacts());
            f.put("words", ImportWords.of(i.failure(), i.failureFacts()));
            m.put("failure", f);
        }
        m.put("createdBy", i.createdBy());
        m.put("createdAt", i.createdAt());
        m.put("finishedAt", i.finishedAt());
        return m;
    }

    static Map<String, Object> issue(RowIssue i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row", i.row());
        m.put("column", i.column());
        m.put("code", i.code());
        m.put("value", i.value());
        m.put("facts", i.facts());
        m.put("words", ImportWords.of(i.code(), i.facts()));
        return m;
    }
}
