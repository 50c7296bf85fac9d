package com.zhidian.office.domain;

/**
 * A place in a store that a patrol must visit: a QR tag (signed: PatrolService.TAG_PREFIX) and optionally an NFC tag;
 * or, for a video patrol, a camera device that takes the checkpoint's place and reports a snapshot per round.
 */
public record Checkpoint(String checkpointId, String storeId, String name, String place, String nfcTagId, String cameraDeviceId,
                         String createdAt) {
    public boolean byCamera() { return cameraDeviceId != null; }
}
