package com.zhidian.catalog.domain;

/**
 * One bulk import of a CSV file: products or prices. It waits for its upload ({@link #AWAITING_UPLOAD}), runs once
 * the file is there ({@link #RUNNING}: {@code processed} of {@code total} rows), and ends {@link #DONE} (with what
 * it created, updated, found unchanged and refused) or {@link #FAILED} (the file as a whole was refused:
 * {@code failure} is the code, {@code failureFacts} its facts as JSON-ready text).
 */
public record CatalogImport(String importId, String kind, String fileName, long size, String state, String encoding,
                            int total, int processed, int created, int updated, int unchanged, int refused,
                            String failure, java.util.Map<String, String> failureFacts,
                            String createdBy, String createdBySub, String createdAt, String finishedAt) {
    public static final String PRODUCTS = "products";
    public static final String PRICES = "prices";
    public static final String AWAITING_UPLOAD = "awaiting_upload";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** The object key of the uploaded file: the tenant and the import, so the run knows both from the event alone. */
    public static String objectKey(String tenantId, String importId) {
        return "imports/" + tenantId + "/" + importId + ".csv";
    }

    public CatalogImport running(String encoding, int total) {
        return new CatalogImport(importId, kind, fileName, size, RUNNING, encoding, total, 0, 0, 0, 0, 0, null, null,
                createdBy, createdBySub, createdAt, null);
    }

    public CatalogImport progress(int processed, int created, int updated, int unchanged, int refused) {
        return new CatalogImport(importId, kind, fileName, size, state, encoding, total, processed, created, updated, unchanged, refused,
                null, null, createdBy, createdBySub, createdAt, null);
    }

    public CatalogImport done(String at) {
        return new CatalogImport(importId, kind, fileName, size, DONE, encoding, total, processed, created, updated, unchanged, refused,
                null, null, createdBy, createdBySub, createdAt, at);
    }

    public CatalogImport failed(String code, java.util.Map<String, String> facts, String at) {
        return new CatalogImport(importId, kind, fileName, size, FAILED, encoding, total, processed, created, updated, unchanged, refused,
                code, facts, createdBy, createdBySub, createdAt, at);
    }
}
