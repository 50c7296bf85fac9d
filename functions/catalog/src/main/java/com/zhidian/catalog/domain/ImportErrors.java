package com.zhidian.catalog.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/**
 * Why an import is refused as a whole: at its start (a file over the limit, an unknown import), or when its run
 * reads the file (its encoding, its header, no rows, too many rows); a run records the code and stops.
 */
public final class ImportErrors {
    /** The most a file may weigh: 50 MB. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /** The most data rows a file may hold. */
    public static final int MAX_ROWS = 200_000;

    private ImportErrors() {}

    public static final class FileTooLarge extends DomainException {
        public FileTooLarge(long size) { super("import.too_large", Map.of("size", size, "max", MAX_BYTES)); }
    }

    public static final class ImportNotFound extends DomainException {
        public ImportNotFound(String importId) { super("import.not_found", Map.of("importId", importId)); }
    }

    /** Neither UTF-8 nor GB18030 (or UTF-16, which spreadsheets call "Unicode text"). */
    public static final class BadEncoding extends DomainException {
        public BadEncoding(String found) { super("import.encoding", Map.of("found", found)); }
    }

    /** The header lacks a required column, names an unknown one, or names one twice. */
    public static final class BadHeader extends DomainException {
        public BadHeader(String column, String why) { super("import.header", Map.of("column", column, "why", why)); }
        public String column() { return (String) facts().get("column"); }
        public String why() { return (String) facts().get("why"); }
    }

    public static final class NoRows extends DomainException {
        public NoRows() { super("import.empty"); }
    }

    public static final class TooManyRows extends DomainException {
        public TooManyRows(int rows) { super("import.too_many_rows", Map.of("rows", rows, "max", MAX_ROWS)); }
    }

    /** The uploaded object is not there, or is larger than the limit (an upload that went around the signed length). */
    public static final class FileMissing extends DomainException {
        public FileMissing() { super("import.file_missing"); }
    }

    /** The run stopped on a failure of the platform (not of the file); the rows applied so far stay applied. */
    public static final class Interrupted extends DomainException {
        public Interrupted() { super("import.interrupted"); }
    }
}
