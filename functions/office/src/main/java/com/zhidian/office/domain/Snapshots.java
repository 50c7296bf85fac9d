package com.zhidian.office.domain;

import java.time.Duration;

/** Where patrol snapshots are stored (an S3 bucket): presigned URLs to upload and to view one, and whether one is there. */
public interface Snapshots {
    String uploadUrl(String key, Duration valid);

    String viewUrl(String key, Duration valid);

    boolean exists(String key);
}
