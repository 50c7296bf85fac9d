package com.zhidian.catalog.domain;

import java.util.List;
import java.util.Optional;

/** Imports, their progress and their row reports. */
public interface ImportRepository {
    void create(String tenantId, CatalogImport i);

    Optional<CatalogImport> find(String tenantId, String importId);

    /** Moves an import from awaiting its upload to running; false when another run already took it. */
    boolean claim(String tenantId, CatalogImport running);

    /** Saves progress, the end or the failure of a running import. */
    void save(String tenantId, CatalogImport i);

    /** Adds refused rows to the report. */
    void addIssues(String tenantId, String importId, List<RowIssue> issues);

    /** The report, by row number. */
    Listing<RowIssue> issues(String tenantId, String importId, int limit, String cursor);
}
