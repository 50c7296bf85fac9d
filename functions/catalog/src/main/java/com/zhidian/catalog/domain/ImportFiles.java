package com.zhidian.catalog.domain;

import java.time.Duration;

/** Where an import's file is uploaded to and read from (S3). */
public interface ImportFiles {
    /** A URL the browser PUTs exactly {@code size} bytes to, valid for {@code valid}. */
    String uploadUrl(String key, long size, Duration valid);

    /** The file's bytes; {@link ImportErrors.FileMissing} when it is absent or larger than {@code max}. */
    byte[] read(String key, long max);
}
