package com.zhidian.catalog.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.catalog.application.ImportService;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.scope.RequestScope;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog's import function (CatalogImportFunction): S3's object-created event for an uploaded import file
 * ({@code imports/<tenantId>/<importId>.csv}) runs that import. The tenant comes from the key, which only
 * {@code POST /catalog/imports} hands out (signed into the upload URL); every DynamoDB call of the run goes through
 * that tenant's session of the tenant data role, as a request of the tenant would. The event is read as plain JSON
 * (S3's notification format), so no event library's model is needed.
 */
public final class ImportHandler implements RequestHandler<Map<String, Object>, String> {
    private static final Pattern KEY = Pattern.compile("imports/([A-Za-z0-9_-]{1,64})/(imp_[0-9a-z]{16})\\.csv");
    private final ImportService imports;

    public ImportHandler() {
        this(CatalogServices.dynamo(AwsClients.dynamo(), Clock.systemUTC()).imports());
    }

    public ImportHandler(ImportService imports) {
        this.imports = imports;
    }

    @Override
    @SuppressWarnings("unchecked")
    public String handleRequest(Map<String, Object> event, Context context) {
        int ran = 0;
        for (Object o : (List<Object>) event.getOrDefault("Records", List.of())) {
            Map<String, Object> s3 = (Map<String, Object>) ((Map<String, Object>) o).get("s3");
            if (s3 == null) continue;
            String key = URLDecoder.decode(String.valueOf(((Map<String, Object>) s3.get("object")).get("key")), StandardCharsets.UTF_8);
            Matcher m = KEY.matcher(key);
            if (!m.matches()) {
                Log.warn("import.ignored", Map.of("key", key));
                continue;
            }
            RequestScope scope = RequestScope.enter(m.group(1));
            try {
                imports.run(m.group(1), m.group(2));
                ran++;
            } finally {
                scope.exit();
            }
        }
        return "ran " + ran;
    }
}
